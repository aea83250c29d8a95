package dev.marquee.client.admin.vouchers;

import dev.marquee.client.common.Shortcuts;
import dev.marquee.model.admin.VoucherKind;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/**
 * Binds the voucher list and the form that makes one. Keys: Ctrl+N the form's code field, Ctrl+R refresh; Tab walks
 * the form in reading order (each tier's box, Space ticks it; from and until), Enter in a time or the uses makes it.
 */
public final class VouchersView {

    private final VouchersViewModel viewModel;

    @FXML private VBox root;
    @FXML private ProgressIndicator voucherBusy;
    @FXML private Button voucherRefreshButton;
    @FXML private TableView<VoucherRow> voucherTable;
    @FXML private TableColumn<VoucherRow, String> voucherCodeColumn;
    @FXML private TableColumn<VoucherRow, String> voucherGivesColumn;
    @FXML private TableColumn<VoucherRow, String> voucherTiersColumn;
    @FXML private TableColumn<VoucherRow, String> voucherWindowColumn;
    @FXML private TableColumn<VoucherRow, String> voucherUsesColumn;
    @FXML private TableColumn<VoucherRow, String> voucherStateColumn;
    @FXML private Button toggleVoucherButton;
    @FXML private TextField voucherCodeField;
    @FXML private ComboBox<VoucherKind> voucherKindBox;
    @FXML private TextField voucherValueField;
    @FXML private TextField voucherUsesField;
    @FXML private FlowPane voucherTierPane;
    @FXML private DatePicker voucherFromDate;
    @FXML private TextField voucherFromTime;
    @FXML private DatePicker voucherUntilDate;
    @FXML private TextField voucherUntilTime;
    @FXML private Label voucherZoneLabel;
    @FXML private Button addVoucherButton;
    @FXML private Label voucherError;
    @FXML private Label voucherMessage;

    public VouchersView(VouchersViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        voucherBusy.visibleProperty().bind(viewModel.busyProperty());
        voucherRefreshButton.setOnAction(event -> viewModel.refresh());
        voucherTable.setItems(viewModel.vouchers());
        show(voucherCodeColumn, VoucherRow::code);
        show(voucherGivesColumn, VoucherRow::gives);
        show(voucherTiersColumn, VoucherRow::tiers);
        show(voucherWindowColumn, VoucherRow::window);
        show(voucherUsesColumn, VoucherRow::uses);
        show(voucherStateColumn, VoucherRow::state);
        toggleVoucherButton.disableProperty().bind(voucherTable.getSelectionModel().selectedItemProperty().isNull()
                .or(viewModel.busyProperty()));
        toggleVoucherButton.setOnAction(event -> viewModel.toggle(voucherTable.getSelectionModel().getSelectedItem()));
        bindForm();
        voucherError.textProperty().bind(viewModel.errorMessageProperty());
        voucherError.visibleProperty().bind(viewModel.errorMessageProperty().isNotEmpty());
        voucherError.managedProperty().bind(voucherError.visibleProperty());
        voucherMessage.textProperty().bind(viewModel.messageProperty());
        voucherMessage.visibleProperty().bind(viewModel.messageProperty().isNotEmpty());
        voucherMessage.managedProperty().bind(voucherMessage.visibleProperty());
        Shortcuts.bind(root, new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN), voucherRefreshButton::fire);
        Shortcuts.bind(root, new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN), () -> {
            voucherCodeField.requestFocus();
            voucherCodeField.selectAll();
        });
    }

    private void bindForm() {
        voucherCodeField.textProperty().bindBidirectional(viewModel.codeProperty());
        voucherKindBox.getItems().setAll(VouchersViewModel.kinds());
        voucherKindBox.valueProperty().bindBidirectional(viewModel.kindProperty());
        voucherValueField.textProperty().bindBidirectional(viewModel.valueProperty());
        voucherValueField.disableProperty().bind(viewModel.kindProperty().isEqualTo(VoucherKind.UNLOCK));
        voucherUsesField.textProperty().bindBidirectional(viewModel.maxUsesProperty());
        voucherUsesField.setOnAction(event -> addVoucherButton.fire());
        viewModel.tiers().addListener((ListChangeListener<TierChoice>) change -> showTiers());
        showTiers();
        VoucherWindow window = viewModel.window();
        voucherFromDate.valueProperty().bindBidirectional(window.fromDateProperty());
        voucherFromTime.textProperty().bindBidirectional(window.fromTimeProperty());
        voucherUntilDate.valueProperty().bindBidirectional(window.untilDateProperty());
        voucherUntilTime.textProperty().bindBidirectional(window.untilTimeProperty());
        voucherZoneLabel.setText(window.zoneName() + " time");
        voucherFromTime.setOnAction(event -> addVoucherButton.fire());
        voucherUntilTime.setOnAction(event -> addVoucherButton.fire());
        addVoucherButton.disableProperty().bind(viewModel.busyProperty());
        addVoucherButton.setOnAction(event -> {
            commitTypedDate(voucherFromDate);
            commitTypedDate(voucherUntilDate);
            viewModel.create();
        });
    }

    /** One box per tier of the show, in its order, so Tab reaches each of them. */
    private void showTiers() {
        voucherTierPane.getChildren().setAll(viewModel.tiers().stream().map(tier -> {
            CheckBox box = new CheckBox(tier.label());
            box.setId("voucherTier" + tier.tierId());
            box.selectedProperty().bindBidirectional(tier.chosenProperty());
            return box;
        }).toList());
    }

    /**
     * A date typed into a picker counts only once the picker lets go of it (Enter or leaving the field); Enter in
     * the time next to it would otherwise send the date it had before. An emptied picker means no date.
     */
    private static void commitTypedDate(DatePicker picker) {
        String typed = picker.getEditor().getText();
        try {
            picker.setValue(typed == null || typed.isBlank() ? null : picker.getConverter().fromString(typed.strip()));
        } catch (RuntimeException unreadable) {
            // Not a date the picker can read: it keeps its value, and the form says what is missing.
        }
    }

    private static void show(TableColumn<VoucherRow, String> column, Function<VoucherRow, String> text) {
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
    }
}
