package dev.marquee.client.admin;

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

/** Binds the admin's waiting room tool: on-sale settings and the live line with its chart. */
public final class WaitingLineView {

    private final WaitingLineViewModel viewModel;

    @FXML private ScrollPane root;
    @FXML private VBox page;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private Button refreshButton;
    @FXML private Label headingLabel;
    @FXML private ComboBox<WaitingRoom> waitingRoomBox;
    @FXML private Label waitingRoomHint;
    @FXML private DatePicker opensOnPicker;
    @FXML private TextField opensAtField;
    @FXML private Button clearOpeningButton;
    @FXML private TextField limitField;
    @FXML private Button saveButton;
    @FXML private Label messageLabel;
    @FXML private Label stateLabel;
    @FXML private Label waitingLabel;
    @FXML private Label admittedLabel;
    @FXML private Label waitLabel;
    @FXML private LineChart<Number, Number> chart;

    public WaitingLineView(WaitingLineViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        page.disableProperty().bind(viewModel.hasShowProperty().not());
        busyIndicator.visibleProperty().bind(viewModel.busyProperty());
        headingLabel.textProperty().bind(viewModel.headingProperty());
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
        limitField.textProperty().bindBidirectional(viewModel.limitProperty());
        saveButton.setOnAction(event -> viewModel.save());
        saveButton.disableProperty().bind(viewModel.busyProperty());
        refreshButton.setOnAction(event -> viewModel.refreshLine());
        messageLabel.textProperty().bind(viewModel.messageProperty());
        stateLabel.textProperty().bind(viewModel.stateProperty());
        waitingLabel.textProperty().bind(viewModel.waitingProperty());
        admittedLabel.textProperty().bind(viewModel.admittedPerMinuteProperty());
        waitLabel.textProperty().bind(viewModel.estimatedWaitProperty());
        XYChart.Series<Number, Number> series = new XYChart.Series<>(viewModel.lineLength());
        chart.getData().add(series);
        Shortcuts.bind(root, new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN), saveButton::fire);
        Shortcuts.bind(root, new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN), refreshButton::fire);
    }

    private static String hint(WaitingRoom setting) {
        return setting == null ? "" : switch (setting) {
            case AUTO -> "The line engages by itself when more fans book than the show can serve at once.";
            case ON -> "Every fan queues for a turn, from the moment the show goes on sale.";
            case OFF -> "No line: when the show is busy, fans are asked to try again.";
        };
    }
}
