package dev.marquee.client.common.widgets;

import dev.marquee.client.common.printing.Receipt;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.VBox;

/** A ticket in a list: what it is and what it cost, and below it the code its QR carries. */
public final class TicketListCell extends ListCell<Receipt.Line> {

    private final Label what = new Label();
    private final Label code = new Label();
    private final VBox layout = new VBox(what, code);

    public TicketListCell() {
        what.getStyleClass().add("ticket-what");
        code.getStyleClass().add("ticket-code");
        layout.getStyleClass().add("ticket-cell");
        getStyleClass().add("ticket-list-cell");
        setPrefWidth(0);
    }

    /** Makes the list draw its tickets with this cell and its style sheet. */
    public static void install(ListView<Receipt.Line> list) {
        list.setCellFactory(view -> new TicketListCell());
        list.getStylesheets().add(TicketListCell.class.getResource("TicketListCell.css").toExternalForm());
    }

    @Override
    protected void updateItem(Receipt.Line line, boolean empty) {
        super.updateItem(line, empty);
        if (empty || line == null) {
            setGraphic(null);
            return;
        }
        what.setText(line.what());
        code.setText(line.code());
        setGraphic(layout);
    }
}
