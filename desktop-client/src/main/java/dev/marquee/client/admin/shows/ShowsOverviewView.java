package dev.marquee.client.admin.shows;

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
import javafx.scene.layout.BorderPane;

/** Binds the show overview to its view model, and the shortcut written on its button. */
public final class ShowsOverviewView {

    private final ShowsOverviewViewModel viewModel;

    @FXML private BorderPane root;
    @FXML private Button refreshButton;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private Label errorLabel;
    @FXML private TableView<ShowRow> showsTable;
    @FXML private TableColumn<ShowRow, String> eventColumn;
    @FXML private TableColumn<ShowRow, String> startsAtColumn;
    @FXML private TableColumn<ShowRow, String> saleColumn;

    public ShowsOverviewView(ShowsOverviewViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        busyIndicator.visibleProperty().bind(viewModel.busyProperty());
        refreshButton.disableProperty().bind(viewModel.busyProperty());
        errorLabel.textProperty().bind(viewModel.errorMessageProperty());
        errorLabel.visibleProperty().bind(viewModel.errorMessageProperty().isNotEmpty());
        errorLabel.managedProperty().bind(errorLabel.visibleProperty());

        showsTable.setItems(viewModel.shows());
        show(eventColumn, ShowRow::eventTitle);
        show(startsAtColumn, ShowRow::startsAt);
        show(saleColumn, ShowRow::sale);

        showsTable.getSelectionModel().selectedItemProperty().addListener((property, before, now) -> {
            if (now != null) {
                viewModel.pick(now);
            }
        });
        // A reload replaces the rows; the view model keeps the same show picked, and the table shows it.
        viewModel.pickedProperty().addListener((property, before, now) -> {
            if (now != null && !now.equals(showsTable.getSelectionModel().getSelectedItem())) {
                showsTable.getSelectionModel().select(now);
            }
        });
        refreshButton.setOnAction(event -> viewModel.refresh());
        // Firing the button (not calling the view model) keeps a disabled button's shortcut disabled too.
        Shortcuts.bind(root, new KeyCodeCombination(KeyCode.F5), refreshButton::fire);
    }

    private static void show(TableColumn<ShowRow, String> column, Function<ShowRow, String> text) {
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
    }
}
