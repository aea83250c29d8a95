package dev.marquee.client.admin.audit;

import dev.marquee.client.common.Shortcuts;
import dev.marquee.client.common.widgets.SaveDialog;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;

/** Binds the audit log to its view model: the filters, the table, and the shortcuts written on them. */
public final class AuditView {

    private final AuditViewModel viewModel;

    @FXML private BorderPane root;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private Label summaryLabel;
    @FXML private Button refreshButton;
    @FXML private Button exportButton;
    @FXML private Label exportMessage;
    @FXML private CheckBox thisShowOnlyBox;
    @FXML private TextField filterField;
    @FXML private ComboBox<String> actionBox;
    @FXML private Label errorLabel;
    @FXML private TableView<AuditRow> auditTable;
    @FXML private TableColumn<AuditRow, String> whenColumn;
    @FXML private TableColumn<AuditRow, String> actorColumn;
    @FXML private TableColumn<AuditRow, String> actionColumn;
    @FXML private TableColumn<AuditRow, String> showColumn;
    @FXML private TableColumn<AuditRow, String> detailsColumn;

    public AuditView(AuditViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        busyIndicator.visibleProperty().bind(viewModel.busyProperty());
        refreshButton.disableProperty().bind(viewModel.busyProperty());
        summaryLabel.textProperty().bind(viewModel.summaryProperty());
        errorLabel.textProperty().bind(viewModel.errorMessageProperty());
        errorLabel.visibleProperty().bind(viewModel.errorMessageProperty().isNotEmpty());
        errorLabel.managedProperty().bind(errorLabel.visibleProperty());

        thisShowOnlyBox.selectedProperty().bindBidirectional(viewModel.thisShowOnlyProperty());
        filterField.textProperty().bindBidirectional(viewModel.filterTextProperty());
        actionBox.setItems(viewModel.actions());
        actionBox.valueProperty().bindBidirectional(viewModel.actionProperty());

        auditTable.setItems(viewModel.rows());
        show(whenColumn, AuditRow::when);
        show(actorColumn, AuditRow::actor);
        show(actionColumn, AuditRow::action);
        show(showColumn, AuditRow::show);
        show(detailsColumn, AuditRow::details);
        // With one show listed, its name in every row would only take room from the details.
        showColumn.visibleProperty().bind(viewModel.thisShowOnlyProperty().not());
        // Details can be long (a sale of many seats): the whole text is a hover away.
        auditTable.setRowFactory(table -> new TableRow<>() {
            @Override
            protected void updateItem(AuditRow row, boolean empty) {
                super.updateItem(row, empty);
                setTooltip(empty || row == null || row.details().isEmpty() ? null : new Tooltip(row.details()));
            }
        });

        refreshButton.setOnAction(event -> viewModel.refresh());
        exportButton.disableProperty().bind(viewModel.busyProperty());
        exportButton.setOnAction(event -> SaveDialog.csv(root, viewModel.csvName(), "Export the audit log as CSV")
                .ifPresent(target -> viewModel.exportCsv(target, exportMessage::setText)));
        exportMessage.visibleProperty().bind(exportMessage.textProperty().isNotEmpty());
        exportMessage.managedProperty().bind(exportMessage.visibleProperty());
        Shortcuts.bind(root, new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN), exportButton::fire);
        // Ctrl+R is bound on this view's root, so it reaches the audit only while the focus is inside it (the
        // report tab binds the same keys on its own root for its refresh).
        Shortcuts.bind(root, new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN), refreshButton::fire);
        Shortcuts.bind(root, new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), () -> {
            filterField.requestFocus();
            filterField.selectAll();
        });
    }

    private static void show(TableColumn<AuditRow, String> column, Function<AuditRow, String> text) {
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
    }
}
