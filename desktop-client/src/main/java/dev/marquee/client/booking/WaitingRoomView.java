package dev.marquee.client.booking;

import dev.marquee.client.booking.WaitingRoomViewModel.Stage;
import dev.marquee.client.common.Notices;
import dev.marquee.client.common.Shortcuts;
import dev.marquee.client.common.ShowEntry;
import dev.marquee.client.common.ShowListCell;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.ObservableList;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** Binds the fan's place in a show's waiting line; shown above the booking form while there is a line to show. */
public final class WaitingRoomView {

    private final WaitingRoomViewModel viewModel;
    private final ObservableList<ShowEntry> otherDateEntries;
    private final java.util.function.Consumer<ShowEntry> pickDate;

    @FXML private VBox root;
    @FXML private FontIcon icon;
    @FXML private Label headline;
    @FXML private Label position;
    @FXML private ProgressBar progress;
    @FXML private Label wait;
    @FXML private Label countdown;
    @FXML private Label message;
    @FXML private VBox otherDatesBox;
    @FXML private ListView<ShowEntry> otherDates;
    @FXML private Button leaveButton;
    @FXML private Button joinButton;

    /** {@code otherDates}: the event's other dates, offered when the show sold out; picking one opens it. */
    public WaitingRoomView(WaitingRoomViewModel viewModel, ObservableList<ShowEntry> otherDates,
                           java.util.function.Consumer<ShowEntry> pickDate) {
        this.viewModel = viewModel;
        this.otherDateEntries = otherDates;
        this.pickDate = pickDate;
    }

    @FXML
    private void initialize() {
        var stage = viewModel.stageProperty();
        root.visibleProperty().bind(stage.isNotEqualTo(Stage.NONE));
        root.managedProperty().bind(root.visibleProperty());
        headline.textProperty().bind(viewModel.headlineProperty());
        position.textProperty().bind(viewModel.positionProperty());
        wait.textProperty().bind(viewModel.waitProperty());
        countdown.textProperty().bind(viewModel.countdownProperty());
        message.textProperty().bind(viewModel.messageProperty());
        progress.progressProperty().bind(viewModel.progressProperty());
        showWhen(progress, in(Stage.WAITING, Stage.ADMITTED));
        showWhen(position, viewModel.positionProperty().isNotEmpty());
        showWhen(wait, viewModel.waitProperty().isNotEmpty());
        showWhen(countdown, viewModel.countdownProperty().isNotEmpty());
        showWhen(message, viewModel.messageProperty().isNotEmpty());
        ShowListCell.install(otherDates);
        otherDates.setItems(otherDateEntries);
        otherDates.setOnMouseClicked(event -> pickDate.accept(otherDates.getSelectionModel().getSelectedItem()));
        otherDates.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER) {
                pickDate.accept(otherDates.getSelectionModel().getSelectedItem());
            }
        });
        showWhen(otherDatesBox, stage.isEqualTo(Stage.SOLD_OUT).and(Bindings.isNotEmpty(otherDateEntries)));
        leaveButton.setOnAction(event -> viewModel.leave());
        showWhen(leaveButton, in(Stage.WAITING, Stage.AWAITING_DRAW, Stage.ADMITTED));
        joinButton.setOnAction(event -> viewModel.join());
        showWhen(joinButton, in(Stage.EXPIRED, Stage.LEFT));
        stage.addListener((property, before, now) -> style(now));
        style(stage.get());
        Notices.follow(root, viewModel.noticeProperty());
        Shortcuts.bind(root, new KeyCodeCombination(KeyCode.L, KeyCombination.ALT_DOWN), leaveButton::fire);
        Shortcuts.bind(root, new KeyCodeCombination(KeyCode.J, KeyCombination.ALT_DOWN), joinButton::fire);
    }

    private void style(Stage now) {
        root.getStyleClass().removeAll("admitted", "sold-out");
        if (now == Stage.ADMITTED) {
            root.getStyleClass().add("admitted");
        } else if (now == Stage.SOLD_OUT || now == Stage.EXPIRED || now == Stage.LEFT) {
            root.getStyleClass().add("sold-out");
        }
        icon.setIconLiteral(switch (now) {
            case ADMITTED -> "fth-check-circle";
            case SOLD_OUT -> "fth-slash";
            case AWAITING_DRAW -> "fth-clock";
            default -> "fth-users";
        });
    }

    private BooleanBinding in(Stage... stages) {
        Set<Stage> wanted = Set.of(stages);
        return Bindings.createBooleanBinding(() -> wanted.contains(viewModel.stageProperty().get()),
                viewModel.stageProperty());
    }

    private static void showWhen(Node node, javafx.beans.value.ObservableValue<Boolean> condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(node.visibleProperty());
    }
}
