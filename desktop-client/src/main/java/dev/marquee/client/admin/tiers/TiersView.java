package dev.marquee.client.admin.tiers;

import atlantafx.base.theme.Styles;
import dev.marquee.client.common.Shortcuts;
import dev.marquee.client.common.format.Money;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.value.ObservableValue;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.controlsfx.validation.Severity;
import org.controlsfx.validation.ValidationMessage;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.decoration.ValidationDecoration;

/** Binds the tiers tool to its view model, the field checks to ControlsFX, and the shortcuts to its buttons. */
public final class TiersView {

    private final TiersViewModel viewModel;
    private final ValidationSupport validation = new ValidationSupport();

    @FXML private BorderPane root;
    @FXML private Label hintLabel;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private Button saleButton;
    @FXML private VBox content;
    @FXML private Label errorLabel;
    @FXML private Label messageLabel;
    @FXML private TableView<TierLine> tiersTable;
    @FXML private TableColumn<TierLine, String> nameColumn;
    @FXML private TableColumn<TierLine, String> priceColumn;
    @FXML private TableColumn<TierLine, Number> capacityColumn;
    @FXML private TableColumn<TierLine, Number> availableColumn;
    @FXML private TableColumn<TierLine, Number> heldColumn;
    @FXML private TableColumn<TierLine, Number> soldColumn;
    @FXML private VBox editBox;
    @FXML private Label editTitle;
    @FXML private TextField priceField;
    @FXML private TextField capacityField;
    @FXML private Button saveTierButton;
    @FXML private Label capacityNote;
    @FXML private Label impactLabel;
    @FXML private VBox newTierBox;
    @FXML private CheckBox newHiddenBox;
    @FXML private TextField newNameField;
    @FXML private TextField newPriceField;
    @FXML private HBox newCapacityBox;
    @FXML private TextField newCapacityField;
    @FXML private VBox newSeatsBox;
    @FXML private HBox seatRangeRow;
    @FXML private ComboBox<String> sectionBox;
    @FXML private TextField fromRowField;
    @FXML private TextField toRowField;
    @FXML private Label seatsSummary;
    @FXML private Button addTierButton;
    @FXML private ProgressIndicator addBusyIndicator;
    @FXML private Label newTierError;
    @FXML private Label newTierMessage;

    public TiersView(TiersViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        hintLabel.textProperty().bind(viewModel.hintProperty());
        content.disableProperty().bind(viewModel.showProperty().isNull());
        busyIndicator.visibleProperty().bind(viewModel.busyProperty());
        saleButton.textProperty().bind(viewModel.onSaleProperty()
                .map(onSale -> onSale ? "Take off sale (Ctrl+O)" : "Put on sale (Ctrl+O)"));
        saleButton.disableProperty().bind(viewModel.showProperty().isNull().or(viewModel.busyProperty()));
        saleButton.setOnAction(event -> viewModel.toggleSale());
        showWhenNotEmpty(errorLabel, viewModel.errorMessageProperty());
        showWhenNotEmpty(messageLabel, viewModel.messageProperty());
        bindTable();
        bindEdit();
        bindNewTier();
        Shortcuts.bind(root, new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN), saveTierButton::fire);
        Shortcuts.bind(root, new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN), saleButton::fire);
        Shortcuts.bind(root, new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN), addTierButton::fire);
    }

    private void bindTable() {
        tiersTable.setItems(viewModel.tiers());
        nameColumn.setCellValueFactory(cell -> cell.getValue().nameProperty());
        priceColumn.setCellValueFactory(cell -> cell.getValue().priceCentsProperty()
                .map(cents -> Money.format(cents.longValue())));
        figure(capacityColumn, TierLine::capacityProperty);
        figure(availableColumn, TierLine::availableProperty);
        figure(heldColumn, TierLine::heldProperty);
        figure(soldColumn, TierLine::soldProperty);
        tiersTable.getSelectionModel().selectedItemProperty()
                .addListener((property, before, now) -> viewModel.select(now));
        viewModel.selectedProperty().addListener((property, before, now) -> {
            if (now == null) {
                tiersTable.getSelectionModel().clearSelection();
            } else if (now != tiersTable.getSelectionModel().getSelectedItem()) {
                tiersTable.getSelectionModel().select(now);
            }
        });
        // Enter on a tier moves on to its new price: select, type, Ctrl+S.
        tiersTable.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER && viewModel.selectedProperty().get() != null) {
                priceField.requestFocus();
                event.consume();
            }
        });
    }

    private void bindEdit() {
        editBox.disableProperty().bind(viewModel.selectedProperty().isNull());
        editTitle.textProperty().bind(viewModel.selectedProperty().flatMap(TierLine::nameProperty)
                .map(name -> "Change " + name).orElse("Change a tier"));
        priceField.textProperty().bindBidirectional(viewModel.priceProperty());
        priceField.promptTextProperty().bind(viewModel.selectedProperty().flatMap(TierLine::priceCentsProperty)
                .map(cents -> "now " + Money.format(cents.intValue())).orElse(""));
        capacityField.textProperty().bindBidirectional(viewModel.capacityProperty());
        capacityField.disableProperty().bind(viewModel.capacityEditableProperty().not());
        capacityField.promptTextProperty().bind(viewModel.selectedProperty().flatMap(TierLine::capacityProperty)
                .map(capacity -> "now " + capacity).orElse(""));
        showWhenNotEmpty(capacityNote, viewModel.capacityNoteProperty());
        showWhenNotEmpty(impactLabel, viewModel.impactProperty());
        saveTierButton.disableProperty().bind(viewModel.canSaveProperty().not());
        saveTierButton.setOnAction(event -> viewModel.save());
        priceField.setOnAction(event -> saveTierButton.fire());
        capacityField.setOnAction(event -> saveTierButton.fire());
        validation.setValidationDecorator(new DangerMark());
        validate(priceField, viewModel.priceProblemProperty());
        validate(capacityField, viewModel.capacityProblemProperty());
    }

    private void bindNewTier() {
        NewTierForm form = viewModel.newTier();
        newNameField.textProperty().bindBidirectional(form.nameProperty());
        newPriceField.textProperty().bindBidirectional(form.priceProperty());
        newCapacityField.textProperty().bindBidirectional(form.capacityProperty());
        newHiddenBox.selectedProperty().bindBidirectional(form.hiddenProperty());
        newCapacityBox.visibleProperty().bind(form.seatedProperty().not());
        newCapacityBox.managedProperty().bind(newCapacityBox.visibleProperty());
        newSeatsBox.visibleProperty().bind(form.seatedProperty());
        newSeatsBox.managedProperty().bind(newSeatsBox.visibleProperty());
        seatRangeRow.visibleProperty().bind(form.seats().anyFreeProperty());
        seatRangeRow.managedProperty().bind(seatRangeRow.visibleProperty());
        sectionBox.setItems(form.seats().sections());
        sectionBox.valueProperty().bindBidirectional(form.seats().sectionProperty());
        fromRowField.textProperty().bindBidirectional(form.seats().fromRowProperty());
        toRowField.textProperty().bindBidirectional(form.seats().toRowProperty());
        seatsSummary.textProperty().bind(form.seats().summaryProperty());
        addTierButton.disableProperty().bind(form.canAddProperty().not().or(form.busyProperty()));
        addTierButton.setOnAction(event -> form.add());
        addBusyIndicator.visibleProperty().bind(form.busyProperty());
        showWhenNotEmpty(newTierError, form.errorMessageProperty());
        showWhenNotEmpty(newTierMessage, form.messageProperty());
        for (TextField field : new TextField[] {newNameField, newPriceField, newCapacityField, fromRowField, toRowField}) {
            field.setOnAction(event -> addTierButton.fire());
        }
    }

    /** The view model says what is wrong; ControlsFX marks the field, as the problem appears and goes. */
    private void validate(Control field, ReadOnlyStringProperty problem) {
        validation.registerValidator(field, false,
                (Control control, String typed) -> ValidationResult.fromErrorIf(control, problem.get(),
                        !problem.get().isEmpty()));
        // A push can make the same typed value wrong (or right again), so check again whenever the problem changes.
        problem.addListener((property, before, now) -> validation.revalidate(field));
    }

    private static void figure(TableColumn<TierLine, Number> column,
                               Function<TierLine, ObservableValue<Number>> figure) {
        column.setCellValueFactory(cell -> figure.apply(cell.getValue()));
    }

    private static void showWhenNotEmpty(Label label, ReadOnlyStringProperty text) {
        label.textProperty().bind(text);
        label.visibleProperty().bind(text.isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }

    /**
     * Marks a field ControlsFX finds wrong with the theme's own danger look, its message as the tooltip. The
     * stock decorations go through ControlsFX's Decorator, which wraps the scene root in a pane without a
     * background, and the dark theme then shows white behind every screen.
     */
    private static final class DangerMark implements ValidationDecoration {

        @Override
        public void removeDecorations(Control target) {
            target.pseudoClassStateChanged(Styles.STATE_DANGER, false);
            target.setTooltip(null);
        }

        @Override
        public void applyValidationDecoration(ValidationMessage message) {
            if (message.getSeverity() == Severity.ERROR) {
                message.getTarget().pseudoClassStateChanged(Styles.STATE_DANGER, true);
                message.getTarget().setTooltip(new Tooltip(message.getText()));
            }
        }

        @Override
        public void applyRequiredDecoration(Control target) {
            // Blank means "keep the current value", so neither field is ever required.
        }
    }
}
