package dev.marquee.client.admin.vouchers;

import dev.marquee.client.admin.vouchers.VouchersViewModel.VoucherRow;
import dev.marquee.client.common.Shortcuts;
import dev.marquee.model.admin.VoucherKind;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.VBox;

/** Binds the voucher list and the form that makes one. */
public final class VouchersView {

    private final VouchersViewModel viewModel;

    @FXML private VBox root;
    @FXML private ProgressIndicator voucherBusy;
    @FXML private Button voucherRefreshButton;
    @FXML private TableView<VoucherRow> voucherTable;
    @FXML private TableColumn<VoucherRow, String> voucherCodeColumn;
    @FXML private TableColumn<VoucherRow, String> voucherGivesColumn;
    @FXML private TableColumn<VoucherRow, String> voucherUsesColumn;
    @FXML private TableColumn<VoucherRow, String> voucherStateColumn;
    @FXML private Button toggleVoucherButton;
    @FXML private TextField voucherCodeField;
    @FXML private ComboBox<VoucherKind> voucherKindBox;
    @FXML private TextField voucherValueField;
    @FXML private TextField voucherUsesField;
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
        show(voucherUsesColumn, VoucherRow::uses);
        show(voucherStateColumn, VoucherRow::state);
        toggleVoucherButton.disableProperty().bind(voucherTable.getSelectionModel().selectedItemProperty().isNull()
                .or(viewModel.busyProperty()));
        toggleVoucherButton.setOnAction(event -> viewModel.toggle(voucherTable.getSelectionModel().getSelectedItem()));
        voucherCodeField.textProperty().bindBidirectional(viewModel.codeProperty());
        voucherKindBox.getItems().setAll(VouchersViewModel.kinds());
        voucherKindBox.valueProperty().bindBidirectional(viewModel.kindProperty());
        voucherValueField.textProperty().bindBidirectional(viewModel.valueProperty());
        voucherValueField.disableProperty().bind(viewModel.kindProperty().isEqualTo(VoucherKind.UNLOCK));
        voucherUsesField.textProperty().bindBidirectional(viewModel.maxUsesProperty());
        voucherUsesField.setOnAction(event -> addVoucherButton.fire());
        addVoucherButton.disableProperty().bind(viewModel.busyProperty());
        addVoucherButton.setOnAction(event -> viewModel.create());
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

    private static void show(TableColumn<VoucherRow, String> column, Function<VoucherRow, String> text) {
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
    }
}
