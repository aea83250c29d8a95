package dev.marquee.client.booking;

import dev.marquee.client.common.Shortcuts;
import dev.marquee.client.common.ViewLoader;
import dev.marquee.client.common.widgets.SeatMapView;
import dev.marquee.client.common.widgets.ShowBrowser;
import dev.marquee.client.common.widgets.ShowEntry;
import dev.marquee.client.common.widgets.ShowListCell;
import dev.marquee.client.common.widgets.TierGrid;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** Binds the fan's booking screen; the hold and checkout panel and My tickets are views of their own. */
public final class FanBookingView {

    private final FanBookingViewModel viewModel;

    @FXML private TabPane root;
    @FXML private Tab bookTab;
    @FXML private Tab ticketsTab;
    @FXML private ProgressIndicator showsBusy;
    @FXML private TextField searchField;
    @FXML private Label showsError;
    @FXML private ListView<ShowEntry> showList;
    @FXML private Label showTitle;
    @FXML private Label showDetails;
    @FXML private Label showDescription;
    @FXML private StackPane waitingRoomHolder;
    @FXML private VBox bookingForm;
    @FXML private GridPane tierGrid;
    @FXML private Label seatHint;
    @FXML private Label pickProblem;
    @FXML private StackPane seatMapHolder;
    @FXML private Label totalLabel;
    @FXML private ProgressIndicator holdBusy;
    @FXML private Button holdButton;
    @FXML private Label errorLabel;
    @FXML private VBox waitlistBox;
    @FXML private TextField waitQuantityField;
    @FXML private Button waitlistButton;
    @FXML private Label waitMessage;
    @FXML private StackPane checkoutHolder;
    @FXML private StackPane ticketsHolder;

    public FanBookingView(FanBookingViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        bindShows(viewModel.shows());
        showTitle.textProperty().bind(Bindings.createStringBinding(() -> show() == null ? "Pick a show"
                : show().eventTitle(), viewModel.showProperty()));
        showDetails.textProperty().bind(Bindings.createStringBinding(() -> show() == null ? ""
                : show().startsAtText() + " · " + show().venueName() + " · " + show().seatingText(),
                viewModel.showProperty()));
        showDescription.textProperty().bind(Bindings.createStringBinding(() -> show() == null ? ""
                : show().eventDescription(), viewModel.showProperty()));
        waitingRoomHolder.getChildren().setAll(ViewLoader.load(new WaitingRoomView(viewModel.waitingRoom(),
                viewModel.otherDates(), viewModel::pickOtherDate)));
        waitingRoomHolder.managedProperty().bind(waitingRoomHolder.getChildren().getFirst().visibleProperty());
        // While the fan waits for a turn the form stays in view, greyed out, so nothing comes as a surprise.
        bookingForm.disableProperty().bind(viewModel.waitingRoom().bookingLockedProperty());
        TierGrid.show(tierGrid, viewModel.pick().basket(), TierGrid.Columns.FAN, holdButton::fire);
        bindWhenNotEmpty(pickProblem);
        pickProblem.textProperty().bind(viewModel.pick().problemProperty());
        seatHint.visibleProperty().bind(viewModel.seatedProperty());
        seatHint.managedProperty().bind(seatHint.visibleProperty());
        seatMapHolder.visibleProperty().bind(viewModel.seatedProperty());
        seatMapHolder.managedProperty().bind(seatMapHolder.visibleProperty());
        seatMapHolder.getChildren().setAll(ViewLoader.load(new SeatMapView(viewModel.pick().seatMap())));
        totalLabel.textProperty().bind(viewModel.totalProperty());
        holdBusy.visibleProperty().bind(viewModel.busyProperty());
        holdButton.disableProperty().bind(viewModel.busyProperty().or(viewModel.showProperty().isNull())
                .or(viewModel.checkout().holdProperty().isNotNull()));
        holdButton.setOnAction(event -> viewModel.holdTickets());
        errorLabel.textProperty().bind(viewModel.errorMessageProperty());
        bindWhenNotEmpty(errorLabel);

        CheckoutView checkout = new CheckoutView(viewModel.checkout());
        checkoutHolder.getChildren().setAll(ViewLoader.load(checkout));
        checkoutHolder.visibleProperty().bind(checkout.hasSomethingToShow());
        checkoutHolder.managedProperty().bind(checkoutHolder.visibleProperty());
        ticketsHolder.getChildren().setAll(ViewLoader.load(new MyTicketsView(viewModel.myTickets())));
        bindShortcuts(checkout);
    }

    private void bindShows(ShowBrowser shows) {
        showsBusy.visibleProperty().bind(shows.busyProperty());
        searchField.textProperty().bindBidirectional(shows.searchProperty());
        showsError.textProperty().bind(shows.errorMessageProperty());
        bindWhenNotEmpty(showsError);
        ShowListCell.install(showList);
        showList.setItems(shows.shows());
        showList.getSelectionModel().selectedItemProperty().addListener((property, before, now) -> {
            if (now != null) {
                shows.select(now);
            }
        });
        shows.selectedProperty().addListener((property, before, now) -> showList.getSelectionModel().select(now));
    }

    private void bindShortcuts(CheckoutView checkout) {
        Shortcuts.bind(root, new KeyCodeCombination(KeyCode.H, KeyCombination.SHORTCUT_DOWN), holdButton::fire);
        waitlistBox.visibleProperty().bind(viewModel.soldOutProperty());
        waitlistBox.managedProperty().bind(waitlistBox.visibleProperty());
        waitQuantityField.textProperty().bindBidirectional(viewModel.waitQuantityProperty());
        waitQuantityField.setOnAction(event -> waitlistButton.fire());
        waitlistButton.setOnAction(event -> viewModel.joinWaitlist());
        waitMessage.textProperty().bind(viewModel.waitMessageProperty());
        waitMessage.visibleProperty().bind(viewModel.waitMessageProperty().isNotEmpty());
        waitMessage.managedProperty().bind(waitMessage.visibleProperty());
        Shortcuts.bind(root, new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN), () -> {
            if (waitlistBox.isVisible()) {
                waitlistButton.fire();
            }
        });
        Shortcuts.bind(root, new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), () -> {
            root.getSelectionModel().select(bookTab);
            searchField.requestFocus();
        });
        Shortcuts.bind(root, new KeyCodeCombination(KeyCode.B, KeyCombination.SHORTCUT_DOWN),
                () -> root.getSelectionModel().select(bookTab));
        Shortcuts.bind(root, new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN),
                () -> root.getSelectionModel().select(ticketsTab));
        checkout.bindShortcuts(root);
    }

    private ShowEntry show() {
        return viewModel.showProperty().get();
    }

    private static void bindWhenNotEmpty(Label label) {
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }
}
