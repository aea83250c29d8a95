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
    @FXML private ProgressIndicator busyIndicator;
    @FXML private Button refreshButton;
    @FXML private TableView<VoucherRow> voucherTable;
    @FXML private TableColumn<VoucherRow, String> codeColumn;
    @FXML private TableColumn<VoucherRow, String> givesColumn;
    @FXML private TableColumn<VoucherRow, String> usesColumn;
    @FXML private TableColumn<VoucherRow, String> stateColumn;
    @FXML private Button toggleButton;
    @FXML private TextField codeField;
    @FXML private ComboBox<VoucherKind> kindBox;
    @FXML private TextField valueField;
    @FXML private TextField usesField;
    @FXML private Button addButton;
    @FXML private Label errorLabel;
    @FXML private Label messageLabel;

    public VouchersView(VouchersViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        busyIndicator.visibleProperty().bind(viewModel.busyProperty());
        refreshButton.setOnAction(event -> viewModel.refresh());
        voucherTable.setItems(viewModel.vouchers());
        show(codeColumn, VoucherRow::code);
        show(givesColumn, VoucherRow::gives);
        show(usesColumn, VoucherRow::uses);
        show(stateColumn, VoucherRow::state);
        toggleButton.disableProperty().bind(voucherTable.getSelectionModel().selectedItemProperty().isNull()
                .or(viewModel.busyProperty()));
        toggleButton.setOnAction(event -> viewModel.toggle(voucherTable.getSelectionModel().getSelectedItem()));
        codeField.textProperty().bindBidirectional(viewModel.codeProperty());
        kindBox.getItems().setAll(VouchersViewModel.kinds());
        kindBox.valueProperty().bindBidirectional(viewModel.kindProperty());
        valueField.textProperty().bindBidirectional(viewModel.valueProperty());
        valueField.disableProperty().bind(viewModel.kindProperty().isEqualTo(VoucherKind.UNLOCK));
        usesField.textProperty().bindBidirectional(viewModel.maxUsesProperty());
        usesField.setOnAction(event -> addButton.fire());
        addButton.disableProperty().bind(viewModel.busyProperty());
        addButton.setOnAction(event -> viewModel.create());
        errorLabel.textProperty().bind(viewModel.errorMessageProperty());
        errorLabel.visibleProperty().bind(viewModel.errorMessageProperty().isNotEmpty());
        errorLabel.managedProperty().bind(errorLabel.visibleProperty());
        messageLabel.textProperty().bind(viewModel.messageProperty());
        messageLabel.visibleProperty().bind(viewModel.messageProperty().isNotEmpty());
        messageLabel.managedProperty().bind(messageLabel.visibleProperty());
        Shortcuts.bind(root, new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN), refreshButton::fire);
        Shortcuts.bind(root, new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN), () -> {
            codeField.requestFocus();
            codeField.selectAll();
        });
    }

    private static void show(TableColumn<VoucherRow, String> column, Function<VoucherRow, String> text) {
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
    }
}
