package dev.marquee.client.booking;

import dev.marquee.client.booking.MyTicketsViewModel.TicketRow;
import dev.marquee.client.common.Shortcuts;
import dev.marquee.client.common.widgets.SaveDialog;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.VBox;

/** Binds the table of the fan's tickets. */
public final class MyTicketsView {

    private final MyTicketsViewModel viewModel;

    @FXML private VBox root;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private Button refreshButton;
    @FXML private Label errorLabel;
    @FXML private Label savedLabel;
    @FXML private Button savePdfButton;
    @FXML private VBox waitingBox;
    @FXML private ListView<MyTicketsViewModel.WaitRow> waitingList;
    @FXML private TableView<TicketRow> ticketTable;
    @FXML private TableColumn<TicketRow, String> eventColumn;
    @FXML private TableColumn<TicketRow, String> whenColumn;
    @FXML private TableColumn<TicketRow, String> tierColumn;
    @FXML private TableColumn<TicketRow, String> seatColumn;
    @FXML private TableColumn<TicketRow, String> priceColumn;
    @FXML private TableColumn<TicketRow, String> statusColumn;
    @FXML private TableColumn<TicketRow, String> codeColumn;

    public MyTicketsView(MyTicketsViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        busyIndicator.visibleProperty().bind(viewModel.busyProperty());
        refreshButton.disableProperty().bind(viewModel.busyProperty());
        refreshButton.setOnAction(event -> viewModel.refresh());
        Shortcuts.bind(root, new KeyCodeCombination(KeyCode.F5), refreshButton::fire);
        errorLabel.textProperty().bind(viewModel.errorMessageProperty());
        errorLabel.visibleProperty().bind(viewModel.errorMessageProperty().isNotEmpty());
        errorLabel.managedProperty().bind(errorLabel.visibleProperty());
        savedLabel.textProperty().bind(viewModel.savedMessageProperty());
        savedLabel.visibleProperty().bind(viewModel.savedMessageProperty().isNotEmpty());
        savedLabel.managedProperty().bind(savedLabel.visibleProperty());
        ticketTable.setItems(viewModel.tickets());
        waitingList.setItems(viewModel.waiting());
        waitingList.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(MyTicketsViewModel.WaitRow row, boolean empty) {
                super.updateItem(row, empty);
                setText(empty || row == null ? null : row.show() + " · " + row.wanted() + " · " + row.standing());
            }
        });
        waitingBox.visibleProperty().bind(Bindings.isNotEmpty(viewModel.waiting()));
        waitingBox.managedProperty().bind(waitingBox.visibleProperty());
        savePdfButton.disableProperty().bind(viewModel.busyProperty()
                .or(ticketTable.getSelectionModel().selectedItemProperty().isNull()));
        savePdfButton.setOnAction(event -> savePdf());
        Shortcuts.bind(root, new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                savePdfButton::fire);
        show(eventColumn, TicketRow::event);
        show(whenColumn, TicketRow::when);
        show(tierColumn, TicketRow::tier);
        show(seatColumn, TicketRow::seat);
        show(priceColumn, TicketRow::price);
        show(statusColumn, TicketRow::status);
        show(codeColumn, TicketRow::code);
    }

    /** Asks where to save the selected ticket's order as a PDF, then saves it there. */
    private void savePdf() {
        TicketRow row = ticketTable.getSelectionModel().getSelectedItem();
        if (row == null) {
            return;
        }
        SaveDialog.pdf(root, MyTicketsViewModel.pdfFileName(row), "Save tickets as PDF")
                .ifPresent(target -> viewModel.savePdf(row, target));
    }

    private static void show(TableColumn<TicketRow, String> column, Function<TicketRow, String> text) {
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
    }
}
