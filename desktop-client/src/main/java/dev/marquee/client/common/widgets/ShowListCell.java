package dev.marquee.client.common.widgets;

import javafx.beans.value.ChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * A show in a list: the event's title, when and where, how many fans wait in its line online, and a badge saying
 * what is left.
 */
public final class ShowListCell extends ListCell<ShowEntry> {

    private final Label title = styled(new Label(), "show-title");
    private final Label when = styled(new Label(), "show-when");
    private final Label stock = styled(new Label(), "show-stock");
    private final Label line = styled(new Label(), "show-line");
    private final HBox layout;
    private final ChangeListener<String> badgeFollowsStock = (property, before, now) -> badge();
    private ShowEntry shown;

    public ShowListCell() {
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        VBox text = new VBox(title, when, line);
        text.setMinWidth(0);
        stock.setMinWidth(Region.USE_PREF_SIZE);
        layout = new HBox(text, spacer, stock);
        layout.getStyleClass().add("show-cell");
        getStyleClass().add("show-list-cell");
        // The cell takes the list's width instead of widening the list; long lines end in an ellipsis.
        setPrefWidth(0);
        stock.visibleProperty().bind(stock.textProperty().isNotEmpty());
        line.visibleProperty().bind(line.textProperty().isNotEmpty());
        line.managedProperty().bind(line.visibleProperty());
    }

    /** Makes the list draw its shows with this cell and its style sheet. */
    public static void install(ListView<ShowEntry> list) {
        list.setCellFactory(view -> new ShowListCell());
        list.getStylesheets().add(ShowListCell.class.getResource("ShowListCell.css").toExternalForm());
    }

    @Override
    protected void updateItem(ShowEntry entry, boolean empty) {
        super.updateItem(entry, empty);
        if (shown != null) {
            shown.stockProperty().removeListener(badgeFollowsStock);
            stock.textProperty().unbind();
            line.textProperty().unbind();
        }
        shown = empty ? null : entry;
        if (shown == null) {
            setGraphic(null);
            return;
        }
        title.setText(shown.eventTitle());
        when.setText(shown.startsAtText() + " · " + shown.venueName());
        stock.textProperty().bind(shown.stockProperty());
        line.textProperty().bind(shown.lineProperty());
        shown.stockProperty().addListener(badgeFollowsStock);
        badge();
        setGraphic(layout);
    }

    private void badge() {
        stock.getStyleClass().removeAll("sold-out", "not-on-sale");
        if (!shown.onSale()) {
            stock.getStyleClass().add("not-on-sale");
        } else if ("Sold out".equals(shown.stockProperty().get())) {
            stock.getStyleClass().add("sold-out");
        }
    }

    private static Label styled(Label label, String styleClass) {
        label.getStyleClass().add(styleClass);
        return label;
    }
}
