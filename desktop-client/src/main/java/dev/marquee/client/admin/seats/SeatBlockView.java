package dev.marquee.client.admin.seats;

import dev.marquee.client.common.Shortcuts;
import dev.marquee.client.common.ViewLoader;
import dev.marquee.client.common.widgets.SeatMapView;
import javafx.beans.value.ObservableStringValue;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;

/** Binds the seat blocking tool to its view model: the live seat map, the reason and the two actions. */
public final class SeatBlockView {

    private final SeatBlockViewModel viewModel;

    @FXML private BorderPane root;
    @FXML private Label noMapLabel;
    @FXML private VBox controls;
    @FXML private TextField reasonField;
    @FXML private Button blockButton;
    @FXML private Button unblockButton;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private Label summaryLabel;
    @FXML private Label pickNoteLabel;
    @FXML private Label reasonProblemLabel;
    @FXML private Label errorLabel;
    @FXML private Label doneLabel;
    @FXML private StackPane seatMapHolder;

    public SeatBlockView(SeatBlockViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        bindText(noMapLabel, viewModel.noMapProperty());
        controls.disableProperty().bind(viewModel.seatedProperty().not());
        seatMapHolder.visibleProperty().bind(viewModel.seatedProperty());
        // The request is built from the pick when it is sent; changing the pick meanwhile would be lost.
        seatMapHolder.disableProperty().bind(viewModel.busyProperty());
        seatMapHolder.getChildren().setAll(ViewLoader.load(new SeatMapView(viewModel.seatMap())));

        reasonField.textProperty().bindBidirectional(viewModel.reasonProperty());
        reasonField.setOnAction(event -> blockButton.fire());
        decorateReason();
        blockButton.disableProperty().bind(viewModel.canBlockProperty().not());
        blockButton.setOnAction(event -> viewModel.block());
        unblockButton.disableProperty().bind(viewModel.canUnblockProperty().not());
        unblockButton.setOnAction(event -> viewModel.unblock());
        busyIndicator.visibleProperty().bind(viewModel.busyProperty());

        bindText(summaryLabel, viewModel.summaryProperty());
        bindText(pickNoteLabel, viewModel.pickNoteProperty());
        bindText(reasonProblemLabel, viewModel.reasonProblemProperty());
        bindText(errorLabel, viewModel.errorMessageProperty());
        bindText(doneLabel, viewModel.doneMessageProperty());

        // Firing the buttons (not calling the view model) keeps a disabled button's shortcut disabled too.
        Shortcuts.bind(root, new KeyCodeCombination(KeyCode.B, KeyCombination.CONTROL_DOWN), blockButton::fire);
        Shortcuts.bind(root, new KeyCodeCombination(KeyCode.U, KeyCombination.CONTROL_DOWN), unblockButton::fire);
    }

    /** The view model decides what the reason lacks; the decoration only marks the field while it does. */
    private void decorateReason() {
        ValidationSupport validation = new ValidationSupport();
        validation.registerValidator(reasonField, false, (Control control, Object text) -> ValidationResult
                .fromErrorIf(control, viewModel.reasonProblemProperty().get(),
                        !viewModel.reasonProblemProperty().get().isEmpty()));
        // Marked as soon as seats to block are picked, not only once the field has been typed in.
        validation.initInitialDecoration();
        viewModel.reasonProblemProperty().addListener((property, before, now) -> validation.revalidate(reasonField));
    }

    private static void bindText(Label label, ObservableStringValue text) {
        label.textProperty().bind(text);
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }
}
