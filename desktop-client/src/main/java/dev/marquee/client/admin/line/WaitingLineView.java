package dev.marquee.client.admin.line;

import dev.marquee.client.common.Shortcuts;
import dev.marquee.model.catalog.WaitingRoom;
import javafx.fxml.FXML;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** Binds the admin's waiting room tool: on-sale settings and the live line with its lineChart. */
public final class WaitingLineView {

    private final WaitingLineViewModel viewModel;

    @FXML private ScrollPane root;
    @FXML private VBox linePage;
    @FXML private ProgressIndicator lineBusyIndicator;
    @FXML private Button lineRefreshButton;
    @FXML private Label lineHeadingLabel;
    @FXML private ComboBox<WaitingRoom> waitingRoomBox;
    @FXML private Label waitingRoomHint;
    @FXML private DatePicker opensOnPicker;
    @FXML private TextField opensAtField;
    @FXML private Button clearOpeningButton;
    @FXML private TextField lineLimitField;
    @FXML private Button lineSaveButton;
    @FXML private Label lineMessageLabel;
    @FXML private Label lineStateLabel;
    @FXML private Label lineWaitingLabel;
    @FXML private Label lineAdmittedLabel;
    @FXML private Label lineWaitLabel;
    @FXML private LineChart<Number, Number> lineChart;

    public WaitingLineView(WaitingLineViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        linePage.disableProperty().bind(viewModel.hasShowProperty().not());
        lineBusyIndicator.visibleProperty().bind(viewModel.busyProperty());
        lineHeadingLabel.textProperty().bind(viewModel.headingProperty());
        waitingRoomBox.getItems().setAll(WaitingRoom.values());
        waitingRoomBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(WaitingRoom setting) {
                return setting == null ? "" : switch (setting) {
                    case AUTO -> "Auto";
                    case ON -> "Always on";
                    case OFF -> "Off";
                };
            }

            @Override
            public WaitingRoom fromString(String text) {
                return null;
            }
        });
        waitingRoomBox.valueProperty().bindBidirectional(viewModel.waitingRoomProperty());
        waitingRoomHint.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> hint(viewModel.waitingRoomProperty().get()), viewModel.waitingRoomProperty()));
        opensOnPicker.valueProperty().bindBidirectional(viewModel.opensOnProperty());
        opensAtField.textProperty().bindBidirectional(viewModel.opensAtProperty());
        clearOpeningButton.setOnAction(event -> {
            viewModel.opensOnProperty().set(null);
            viewModel.opensAtProperty().set("");
        });
        lineLimitField.textProperty().bindBidirectional(viewModel.limitProperty());
        lineSaveButton.setOnAction(event -> viewModel.save());
        lineSaveButton.disableProperty().bind(viewModel.busyProperty());
        lineRefreshButton.setOnAction(event -> viewModel.refreshLine());
        lineMessageLabel.textProperty().bind(viewModel.messageProperty());
        lineStateLabel.textProperty().bind(viewModel.stateProperty());
        lineWaitingLabel.textProperty().bind(viewModel.waitingProperty());
        lineAdmittedLabel.textProperty().bind(viewModel.admittedPerMinuteProperty());
        lineWaitLabel.textProperty().bind(viewModel.estimatedWaitProperty());
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        lineChart.getData().add(series);
        viewModel.lineLength().addListener((javafx.collections.ListChangeListener<WaitingLineViewModel.Point>) change ->
                series.getData().setAll(viewModel.lineLength().stream()
                        .map(point -> new XYChart.Data<Number, Number>(point.minutes(), point.waiting())).toList()));
        Shortcuts.bind(root, new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN), lineSaveButton::fire);
        Shortcuts.bind(root, new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN), lineRefreshButton::fire);
    }

    private static String hint(WaitingRoom setting) {
        return setting == null ? "" : switch (setting) {
            case AUTO -> "The line engages by itself when more fans book than the show can serve at once.";
            case ON -> "Every fan queues for a turn, from the moment the show goes on sale.";
            case OFF -> "No line: when the show is busy, fans are asked to try again.";
        };
    }
}
