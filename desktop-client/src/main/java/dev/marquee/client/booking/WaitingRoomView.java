package dev.marquee.client.booking;

import dev.marquee.client.booking.WaitingRoomViewModel.Stage;
import dev.marquee.client.common.Shortcuts;
import dev.marquee.client.common.widgets.Notices;
import dev.marquee.client.common.widgets.ShowEntry;
import dev.marquee.client.common.widgets.ShowListCell;
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
    @FXML private FontIcon lineIcon;
    @FXML private Label lineHeadline;
    @FXML private Label linePosition;
    @FXML private ProgressBar lineProgress;
    @FXML private Label lineWait;
    @FXML private Label lineCountdown;
    @FXML private Label lineMessage;
    @FXML private VBox otherDatesBox;
    @FXML private ListView<ShowEntry> otherDates;
    @FXML private Button leaveLineButton;
    @FXML private Button joinLineButton;

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
        lineHeadline.textProperty().bind(viewModel.headlineProperty());
        linePosition.textProperty().bind(viewModel.positionProperty());
        lineWait.textProperty().bind(viewModel.waitProperty());
        lineCountdown.textProperty().bind(viewModel.countdownProperty());
        lineMessage.textProperty().bind(viewModel.messageProperty());
        lineProgress.progressProperty().bind(viewModel.progressProperty());
        showWhen(lineProgress, in(Stage.WAITING, Stage.ADMITTED));
        showWhen(linePosition, viewModel.positionProperty().isNotEmpty());
        showWhen(lineWait, viewModel.waitProperty().isNotEmpty());
        showWhen(lineCountdown, viewModel.countdownProperty().isNotEmpty());
        showWhen(lineMessage, viewModel.messageProperty().isNotEmpty());
        ShowListCell.install(otherDates);
        otherDates.setItems(otherDateEntries);
        otherDates.setOnMouseClicked(event -> pickDate.accept(otherDates.getSelectionModel().getSelectedItem()));
        otherDates.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER) {
                pickDate.accept(otherDates.getSelectionModel().getSelectedItem());
            }
        });
        showWhen(otherDatesBox, stage.isEqualTo(Stage.SOLD_OUT).and(Bindings.isNotEmpty(otherDateEntries)));
        leaveLineButton.setOnAction(event -> viewModel.leave());
        showWhen(leaveLineButton, in(Stage.WAITING, Stage.AWAITING_DRAW, Stage.ADMITTED));
        joinLineButton.setOnAction(event -> viewModel.join());
        showWhen(joinLineButton, in(Stage.EXPIRED, Stage.LEFT));
        stage.addListener((property, before, now) -> style(now));
        style(stage.get());
        Notices.follow(root, viewModel.noticeProperty());
        Shortcuts.bind(root, new KeyCodeCombination(KeyCode.L, KeyCombination.ALT_DOWN), leaveLineButton::fire);
        Shortcuts.bind(root, new KeyCodeCombination(KeyCode.J, KeyCombination.ALT_DOWN), joinLineButton::fire);
    }

    private void style(Stage now) {
        root.getStyleClass().removeAll("admitted", "sold-out");
        if (now == Stage.ADMITTED) {
            root.getStyleClass().add("admitted");
        } else if (now == Stage.SOLD_OUT || now == Stage.EXPIRED || now == Stage.LEFT) {
            root.getStyleClass().add("sold-out");
        }
        lineIcon.setIconLiteral(switch (now) {
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
