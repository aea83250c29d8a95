package dev.marquee.client.boxoffice;

import dev.marquee.client.common.Focus;
import dev.marquee.client.common.Shortcuts;
import dev.marquee.client.common.ViewLoader;
import dev.marquee.client.common.printing.Printout;
import dev.marquee.client.common.widgets.ShowBrowser;
import dev.marquee.client.common.widgets.ShowEntry;
import dev.marquee.client.common.widgets.ShowListCell;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;

/**
 * Binds the box office: drawer bar, show list and the sale panel. Keyboard first: Ctrl+F search, Enter or F2
 * sell the selected show, F5 refresh, F9 open the drawer; the sale's own keys are bound by {@link SaleView}.
 */
public final class BoxOfficeView {

    private final BoxOfficeViewModel viewModel;
    private final Printout printout;

    @FXML private BorderPane root;
    @FXML private Label drawerSummary;
    @FXML private HBox openDrawerForm;
    @FXML private TextField floatField;
    @FXML private Button openDrawerButton;
    @FXML private Label drawerError;
    @FXML private ProgressIndicator showsBusy;
    @FXML private Button refreshButton;
    @FXML private TextField searchField;
    @FXML private Label showsError;
    @FXML private ListView<ShowEntry> showList;
    @FXML private StackPane saleHolder;

    public BoxOfficeView(BoxOfficeViewModel viewModel, Printout printout) {
        this.viewModel = viewModel;
        this.printout = printout;
    }

    @FXML
    private void initialize() {
        bindDrawer();
        ShowBrowser shows = viewModel.shows();
        showsBusy.visibleProperty().bind(shows.busyProperty());
        refreshButton.disableProperty().bind(shows.busyProperty());
        refreshButton.setOnAction(event -> viewModel.refresh());
        searchField.textProperty().bindBidirectional(shows.searchProperty());
        showsError.textProperty().bind(shows.errorMessageProperty());
        showsError.visibleProperty().bind(shows.errorMessageProperty().isNotEmpty());
        showsError.managedProperty().bind(showsError.visibleProperty());
        ShowListCell.install(showList);
        showList.setItems(shows.shows());
        // A sale whose answer was lost must be settled before another show can be picked.
        showList.disableProperty().bind(viewModel.sale().outcomeUnknownProperty());
        showList.getSelectionModel().selectedItemProperty().addListener((property, before, now) -> {
            if (now != null) {
                shows.select(now);
            }
        });
        shows.selectedProperty().addListener((property, before, now) -> showList.getSelectionModel().select(now));

        SaleView sale = new SaleView(viewModel.sale(), printout);
        saleHolder.getChildren().setAll(ViewLoader.load(sale));
        sale.bindShortcuts(root);
        bindShortcuts(sale);
        // The workspace puts the keyboard here when the counter comes up: the show list, its first show picked.
        Focus.startAt(root, showList);
    }

    private void bindDrawer() {
        ShiftViewModel shift = viewModel.shift();
        drawerSummary.textProperty().bind(shift.summaryProperty());
        openDrawerForm.visibleProperty().bind(shift.openProperty().not());
        openDrawerForm.managedProperty().bind(openDrawerForm.visibleProperty());
        floatField.textProperty().bindBidirectional(shift.openingFloatProperty());
        floatField.setOnAction(event -> openDrawerButton.fire());
        openDrawerButton.disableProperty().bind(shift.busyProperty());
        openDrawerButton.setOnAction(event -> shift.openDrawer());
        drawerError.textProperty().bind(shift.errorMessageProperty());
        drawerError.visibleProperty().bind(shift.errorMessageProperty().isNotEmpty());
        drawerError.managedProperty().bind(drawerError.visibleProperty());
    }

    private void bindShortcuts(SaleView sale) {
        Shortcuts.bind(root, new KeyCodeCombination(KeyCode.F5), refreshButton::fire);
        Shortcuts.bind(root, new KeyCodeCombination(KeyCode.F, KeyCombination.CONTROL_DOWN), () -> {
            searchField.requestFocus();
            searchField.selectAll();
        });
        // F9 opens the drawer with the float typed, or goes to the float field to type it first.
        Shortcuts.bind(root, new KeyCodeCombination(KeyCode.F9), () -> {
            if (!openDrawerForm.isVisible()) {
                return;
            }
            if (floatField.getText() == null || floatField.getText().isBlank()) {
                floatField.requestFocus();
            } else {
                openDrawerButton.fire();
            }
        });
        showList.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER) {
                sale.startNewSale();
                event.consume();
            }
        });
        // From the search box, Down goes to the matches and Enter sells the first one.
        searchField.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.DOWN || event.getCode() == KeyCode.ENTER) {
                showList.requestFocus();
                if (showList.getSelectionModel().isEmpty() && !showList.getItems().isEmpty()) {
                    showList.getSelectionModel().selectFirst();
                }
                if (event.getCode() == KeyCode.ENTER) {
                    sale.startNewSale();
                }
                event.consume();
            } else if (event.getCode() == KeyCode.ESCAPE) {
                searchField.clear();
                showList.requestFocus();
                event.consume();
            }
        });
    }
}
