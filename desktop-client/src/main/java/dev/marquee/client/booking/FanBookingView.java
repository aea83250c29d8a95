package dev.marquee.client.booking;

import dev.marquee.client.common.Shortcuts;
import dev.marquee.client.common.ViewLoader;
import dev.marquee.client.common.widgets.Notices;
import dev.marquee.client.common.widgets.SeatMapView;
import dev.marquee.client.common.widgets.ShowBrowser;
import dev.marquee.client.common.widgets.ShowEntry;
import dev.marquee.client.common.widgets.ShowListCell;
import dev.marquee.client.common.widgets.TierGrid;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
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
import javafx.util.StringConverter;

/**
 * Binds the fan's booking screen; the hold and checkout panel and My tickets are views of their own. Keys: Ctrl+F
 * search, Ctrl+H hold, Ctrl+W join the waiting list (Tab reaches its tier and quantity), Ctrl+O check out an offer
 * from the waiting list, Ctrl+B and Ctrl+T the two tabs.
 */
public final class FanBookingView {

    private static final KeyCombination CHECK_OUT_OFFER = new KeyCodeCombination(KeyCode.O,
            KeyCombination.SHORTCUT_DOWN);

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
    @FXML private Label waitHeadline;
    @FXML private ComboBox<WaitlistJoinViewModel.TierChoice> waitTierBox;
    @FXML private TextField waitQuantityField;
    @FXML private Button waitlistButton;
    @FXML private Label waitMessage;
    @FXML private VBox offerBanner;
    @FXML private Label offerText;
    @FXML private Label offerCountdown;
    @FXML private Button offerDismissButton;
    @FXML private Button offerButton;
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
        bindWaitlist(viewModel.waitlist());
        Shortcuts.bind(root, new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN), () -> {
            if (waitlistBox.isVisible()) {
                waitlistButton.fire();
            }
        });
        bindOffer(viewModel.offer());
        Shortcuts.bind(root, CHECK_OUT_OFFER, offerButton::fire);
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

    private void bindWaitlist(WaitlistJoinViewModel waitlist) {
        waitlistBox.visibleProperty().bind(waitlist.offeredProperty());
        waitlistBox.managedProperty().bind(waitlistBox.visibleProperty());
        waitHeadline.textProperty().bind(waitlist.headlineProperty());
        waitTierBox.setItems(waitlist.tiers());
        waitTierBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(WaitlistJoinViewModel.TierChoice tier) {
                return tier == null ? "" : tier.name();
            }

            @Override
            public WaitlistJoinViewModel.TierChoice fromString(String text) {
                return null;
            }
        });
        waitTierBox.valueProperty().bindBidirectional(waitlist.tierProperty());
        waitQuantityField.textProperty().bindBidirectional(waitlist.quantityProperty());
        waitQuantityField.setOnAction(event -> waitlistButton.fire());
        waitlistButton.setOnAction(event -> waitlist.join());
        waitMessage.textProperty().bind(waitlist.messageProperty());
        bindWhenNotEmpty(waitMessage);
    }

    /** An offer shows here and pops up in the corner; its button (or Ctrl+O) goes to its checkout on this tab. */
    private void bindOffer(OfferNotice offer) {
        offerText.textProperty().bind(offer.textProperty());
        offerCountdown.textProperty().bind(offer.countdownProperty());
        offerBanner.visibleProperty().bind(offer.countdownProperty().isNotEmpty());
        offerBanner.managedProperty().bind(offerBanner.visibleProperty());
        offerButton.disableProperty().bind(offer.openProperty().not());
        offerButton.setOnAction(event -> {
            root.getSelectionModel().select(bookTab);
            offer.checkOut();
        });
        offerDismissButton.setOnAction(event -> offer.dismiss());
        offer.arrivalsProperty().addListener((property, before, now) -> Notices.ask(root,
                Bindings.concat(offer.textProperty(), " ", offer.countdownProperty()), "Check out now (Ctrl+O)",
                CHECK_OUT_OFFER, offerButton::fire));
    }

    private ShowEntry show() {
        return viewModel.showProperty().get();
    }

    private static void bindWhenNotEmpty(Label label) {
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }
}
