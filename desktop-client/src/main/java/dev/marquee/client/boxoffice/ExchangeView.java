package dev.marquee.client.boxoffice;

import dev.marquee.client.common.Shortcuts;
import dev.marquee.client.common.ViewLoader;
import dev.marquee.client.common.printing.Printout;
import dev.marquee.client.common.printing.Receipt;
import dev.marquee.client.common.printing.TicketPrintout;
import dev.marquee.client.common.widgets.SeatMapView;
import dev.marquee.client.common.widgets.ShowBrowser;
import dev.marquee.client.common.widgets.ShowEntry;
import dev.marquee.client.common.widgets.ShowListCell;
import dev.marquee.client.common.widgets.TicketListCell;
import dev.marquee.client.common.widgets.TierGrid;
import dev.marquee.model.booking.PaymentMethod;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * Binds the exchange. Keys: Ctrl+F search shows, Enter on a show goes to its quantities, Enter there to the payment
 * (or to Exchange when nothing is to pay), F6 cash, F7 card, Ctrl+Enter exchange, Ctrl+P print the new tickets,
 * Esc back to the desk.
 */
public final class ExchangeView {

    private final ExchangeViewModel viewModel;
    private final Printout printout;
    private TierGrid tiers;

    @FXML private HBox root;
    @FXML private Label exchangeGivenBack;
    @FXML private TextField exchangeSearchField;
    @FXML private Label exchangeShowsError;
    @FXML private ListView<ShowEntry> exchangeShowList;
    @FXML private Button exchangeBackButton;
    @FXML private Label exchangeShowTitle;
    @FXML private Label exchangeShowDetails;
    @FXML private VBox exchangeInputs;
    @FXML private GridPane exchangeTierGrid;
    @FXML private Label exchangePickProblem;
    @FXML private Label exchangeDifference;
    @FXML private Label exchangeBreakdown;
    @FXML private VBox exchangePaymentBox;
    @FXML private ToggleGroup exchangeMethodGroup;
    @FXML private ToggleButton exchangeCashToggle;
    @FXML private ToggleButton exchangeCardToggle;
    @FXML private VBox exchangeCashBox;
    @FXML private TextField exchangeTenderedField;
    @FXML private Label exchangeChangeDue;
    @FXML private HBox exchangeCardBox;
    @FXML private TextField exchangeCardField;
    @FXML private ProgressIndicator exchangeBusy;
    @FXML private Button confirmExchangeButton;
    @FXML private Label exchangeError;
    @FXML private Button exchangeDiscardButton;
    @FXML private Label exchangeSideHint;
    @FXML private StackPane exchangeSeatMapHolder;
    @FXML private VBox exchangeReceiptPanel;
    @FXML private Label exchangeReceiptSummary;
    @FXML private Label exchangeSettled;
    @FXML private ListView<Receipt.Line> exchangeTicketList;
    @FXML private Label exchangeReceiptOrder;
    @FXML private Button exchangeDoneButton;
    @FXML private Button exchangePrintButton;
    @FXML private Label exchangePrintMessage;

    public ExchangeView(ExchangeViewModel viewModel, Printout printout) {
        this.viewModel = viewModel;
        this.printout = printout;
    }

    @FXML
    private void initialize() {
        exchangeGivenBack.textProperty().bind(viewModel.givenBackProperty());
        bindShows();
        exchangeShowTitle.textProperty().bind(Bindings.createStringBinding(() -> viewModel.showProperty().get() == null
                ? "Choose the new show" : viewModel.showProperty().get().eventTitle(), viewModel.showProperty()));
        exchangeShowDetails.textProperty().bind(Bindings.createStringBinding(
                () -> details(viewModel.showProperty().get()), viewModel.showProperty()));
        exchangeInputs.disableProperty().bind(viewModel.busyProperty().or(viewModel.outcomeUnknownProperty())
                .or(viewModel.showProperty().isNull()).or(viewModel.receiptProperty().isNotNull()));
        tiers = TierGrid.show(exchangeTierGrid, viewModel.pick().basket(), TierGrid.Columns.STAFF, this::focusNext);
        exchangePickProblem.textProperty().bind(viewModel.pick().problemProperty());
        showWhenNotEmpty(exchangePickProblem);
        exchangeDifference.textProperty().bind(viewModel.differenceProperty());
        exchangeBreakdown.textProperty().bind(viewModel.breakdownProperty());
        showWhenNotEmpty(exchangeBreakdown);
        bindPayment();
        exchangeBusy.visibleProperty().bind(viewModel.busyProperty());
        confirmExchangeButton.disableProperty().bind(viewModel.busyProperty()
                .or(viewModel.receiptProperty().isNotNull()));
        confirmExchangeButton.setOnAction(event -> viewModel.exchange());
        enterFires(confirmExchangeButton);
        exchangeError.textProperty().bind(viewModel.errorMessageProperty());
        showWhenNotEmpty(exchangeError);
        exchangeDiscardButton.visibleProperty().bind(viewModel.outcomeUnknownProperty());
        exchangeDiscardButton.managedProperty().bind(exchangeDiscardButton.visibleProperty());
        exchangeDiscardButton.setOnAction(event -> viewModel.discardUnsettled());
        bindSide();
        bindShortcuts();
    }

    /** Where the keyboard goes as the exchange comes up: the show list, or the receipt's button once it is done. */
    Node firstControl() {
        return viewModel.receiptProperty().get() != null ? exchangeDoneButton : exchangeShowList;
    }

    private void bindShows() {
        ShowBrowser shows = viewModel.shows();
        exchangeSearchField.textProperty().bindBidirectional(shows.searchProperty());
        exchangeShowsError.textProperty().bind(shows.errorMessageProperty());
        showWhenNotEmpty(exchangeShowsError);
        ShowListCell.install(exchangeShowList);
        exchangeShowList.setItems(shows.shows());
        // An exchange whose answer was lost must be settled before another show can be picked.
        exchangeShowList.disableProperty().bind(viewModel.outcomeUnknownProperty());
        exchangeShowList.getSelectionModel().selectedItemProperty().addListener((property, before, now) -> {
            if (now != null) {
                shows.select(now);
            }
        });
        shows.selectedProperty().addListener((property, before, now) ->
                exchangeShowList.getSelectionModel().select(now));
        exchangeBackButton.setOnAction(event -> viewModel.close());
        exchangeShowList.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER) {
                tiers.focusFirstQuantity();
                event.consume();
            }
        });
        exchangeSearchField.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.DOWN || event.getCode() == KeyCode.ENTER) {
                exchangeShowList.requestFocus();
                if (exchangeShowList.getSelectionModel().isEmpty() && !exchangeShowList.getItems().isEmpty()) {
                    exchangeShowList.getSelectionModel().selectFirst();
                }
                event.consume();
            }
        });
    }

    private void bindPayment() {
        exchangePaymentBox.visibleProperty().bind(viewModel.toPayProperty());
        exchangePaymentBox.managedProperty().bind(exchangePaymentBox.visibleProperty());
        exchangeCashToggle.setUserData(PaymentMethod.CASH);
        exchangeCardToggle.setUserData(PaymentMethod.CARD);
        exchangeMethodGroup.selectToggle(viewModel.payment().methodProperty().get() == PaymentMethod.CARD
                ? exchangeCardToggle : exchangeCashToggle);
        exchangeMethodGroup.selectedToggleProperty().addListener((property, before, now) -> {
            if (now == null) {
                exchangeMethodGroup.selectToggle(before); // one method is always chosen
            } else {
                viewModel.payment().methodProperty().set((PaymentMethod) now.getUserData());
                focusNext();
            }
        });
        BooleanBinding cash = viewModel.payment().methodProperty().isEqualTo(PaymentMethod.CASH);
        exchangeCashBox.visibleProperty().bind(cash);
        exchangeCashBox.managedProperty().bind(cash);
        exchangeCardBox.visibleProperty().bind(cash.not());
        exchangeCardBox.managedProperty().bind(cash.not());
        exchangeTenderedField.textProperty().bindBidirectional(viewModel.payment().tenderedProperty());
        exchangeChangeDue.textProperty().bind(viewModel.payment().changeDueProperty());
        showWhenNotEmpty(exchangeChangeDue);
        exchangeCardField.textProperty().bindBidirectional(viewModel.payment().cardNumberProperty());
        exchangeTenderedField.setOnAction(event -> confirmExchangeButton.fire());
        exchangeCardField.setOnAction(event -> confirmExchangeButton.fire());
    }

    private void bindSide() {
        BooleanBinding hasReceipt = viewModel.receiptProperty().isNotNull();
        exchangeReceiptPanel.visibleProperty().bind(hasReceipt);
        exchangeSeatMapHolder.visibleProperty().bind(viewModel.seatedProperty().and(hasReceipt.not()));
        exchangeSideHint.visibleProperty().bind(viewModel.seatedProperty().not().and(hasReceipt.not()));
        exchangeSeatMapHolder.getChildren().setAll(ViewLoader.load(new SeatMapView(viewModel.pick().seatMap())));
        TicketListCell.install(exchangeTicketList);
        exchangeSettled.textProperty().bind(viewModel.settledProperty());
        exchangeDoneButton.setOnAction(event -> viewModel.close());
        enterFires(exchangeDoneButton);
        exchangePrintButton.disableProperty().bind(hasReceipt.not());
        exchangePrintButton.setOnAction(event -> {
            Receipt receipt = viewModel.receiptProperty().get();
            if (receipt != null) {
                exchangePrintMessage.setText("Printing…");
                printout.print(TicketPrintout.of(receipt), "order-" + receipt.orderId(),
                        exchangePrintMessage::setText);
            }
        });
        viewModel.receiptProperty().addListener((property, before, receipt) -> {
            if (receipt != null) {
                exchangeReceiptSummary.setText(receipt.summary() + " · " + receipt.eventTitle() + ", "
                        + receipt.startsAt());
                exchangeReceiptOrder.setText("Order " + receipt.orderId() + ", exchanged from order "
                        + receipt.exchangedFromOrderId());
                exchangeTicketList.getItems().setAll(receipt.tickets());
                exchangePrintMessage.setText("");
                exchangeDoneButton.requestFocus();
            }
        });
    }

    /** The exchange's own shortcuts; they hang on its root, so the desk's (Ctrl+P there prints the Z-report) rest. */
    private void bindShortcuts() {
        Shortcuts.bind(root, new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN),
                confirmExchangeButton::fire);
        Shortcuts.bind(root, new KeyCodeCombination(KeyCode.F6), exchangeCashToggle::fire);
        Shortcuts.bind(root, new KeyCodeCombination(KeyCode.F7), exchangeCardToggle::fire);
        Shortcuts.bind(root, new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN),
                exchangePrintButton::fire);
        Shortcuts.bind(root, new KeyCodeCombination(KeyCode.ESCAPE), viewModel::close);
        Shortcuts.bind(root, new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), () -> {
            exchangeSearchField.requestFocus();
            exchangeSearchField.selectAll();
        });
    }

    /** After the quantities (or a change of method): the payment when there is one to take, else Exchange. */
    private void focusNext() {
        if (!viewModel.toPayProperty().get()) {
            confirmExchangeButton.requestFocus();
            return;
        }
        TextField field = viewModel.payment().methodProperty().get() == PaymentMethod.CASH ? exchangeTenderedField
                : exchangeCardField;
        field.requestFocus();
        field.selectAll();
    }

    private static String details(ShowEntry show) {
        return show == null ? "Pick a show on the left." : show.startsAtText() + " · " + show.venueName() + " · "
                + show.seatingText() + (show.onSale() ? "" : " · not on sale");
    }

    /** Enter on the focused button presses it, as Space does: the keys go on from the field before it. */
    private static void enterFires(Button button) {
        button.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER) {
                button.fire();
                event.consume();
            }
        });
    }

    private static void showWhenNotEmpty(Label label) {
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }
}
