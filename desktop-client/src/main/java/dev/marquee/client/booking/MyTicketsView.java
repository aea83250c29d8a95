package dev.marquee.client.booking;

import dev.marquee.client.booking.MyTicketsViewModel.TicketRow;
import dev.marquee.client.common.Shortcuts;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.layout.VBox;

/** Binds the table of the fan's tickets. */
public final class MyTicketsView {

    private final MyTicketsViewModel viewModel;

    @FXML private VBox root;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private Button refreshButton;
    @FXML private Label errorLabel;
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
        ticketTable.setItems(viewModel.tickets());
        show(eventColumn, TicketRow::event);
        show(whenColumn, TicketRow::when);
        show(tierColumn, TicketRow::tier);
        show(seatColumn, TicketRow::seat);
        show(priceColumn, TicketRow::price);
        show(statusColumn, TicketRow::status);
        show(codeColumn, TicketRow::code);
    }

    private static void show(TableColumn<TicketRow, String> column, Function<TicketRow, String> text) {
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
    }
}
