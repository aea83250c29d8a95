package dev.marquee.client.boxoffice;

import dev.marquee.client.common.Shortcuts;
import dev.marquee.client.common.ViewLoader;
import dev.marquee.client.common.printing.Printout;
import dev.marquee.client.common.printing.Receipt;
import dev.marquee.client.common.printing.ReceiptPdf;
import dev.marquee.client.common.printing.TicketPrintout;
import dev.marquee.client.common.widgets.SaveDialog;
import dev.marquee.client.common.widgets.SeatMapView;
import dev.marquee.client.common.widgets.ShowEntry;
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
 * Binds the sale panel to its view model; Enter moves from quantities to payment and from payment to Pay. On the
 * receipt, Ctrl+P prints the tickets and receipt, Ctrl+Shift+P saves them as PDF.
 */
public final class SaleView {

    private final SaleViewModel viewModel;
    private final Printout printout;
    private TierGrid tiers;

    @FXML private Label showTitle;
    @FXML private Label showDetails;
    @FXML private VBox inputs;
    @FXML private GridPane tierGrid;
    @FXML private Label pickProblem;
    @FXML private ToggleGroup methodGroup;
    @FXML private ToggleButton cashToggle;
    @FXML private ToggleButton cardToggle;
    @FXML private VBox cashBox;
    @FXML private TextField tenderedField;
    @FXML private Label changeDue;
    @FXML private HBox cardBox;
    @FXML private TextField cardField;
    @FXML private TextField customerField;
    @FXML private TextField voucherField;
    @FXML private Button applyVoucherButton;
    @FXML private Label voucherNote;
    @FXML private Label totalLabel;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private Button payButton;
    @FXML private Label errorLabel;
    @FXML private Button discardButton;
    @FXML private Label sideHint;
    @FXML private StackPane seatMapHolder;
    @FXML private VBox receiptPanel;
    @FXML private Label receiptSummary;
    @FXML private Label receiptChange;
    @FXML private ListView<Receipt.Line> ticketList;
    @FXML private Label receiptOrder;
    @FXML private Button newSaleButton;
    @FXML private Button printButton;
    @FXML private Button savePdfButton;
    @FXML private Label printMessage;

    public SaleView(SaleViewModel viewModel, Printout printout) {
        this.viewModel = viewModel;
        this.printout = printout;
    }

    @FXML
    private void initialize() {
        showTitle.textProperty().bind(Bindings.createStringBinding(() -> viewModel.showProperty().get() == null
                ? "Choose a show" : viewModel.showProperty().get().eventTitle(), viewModel.showProperty()));
        showDetails.textProperty().bind(Bindings.createStringBinding(() -> details(viewModel.showProperty().get()),
                viewModel.showProperty()));
        BooleanBinding cannotEdit = viewModel.busyProperty().or(viewModel.outcomeUnknownProperty())
                .or(viewModel.showProperty().isNull());
        inputs.disableProperty().bind(cannotEdit);
        tiers = TierGrid.show(tierGrid, viewModel.pick().basket(), TierGrid.Columns.STAFF, this::focusPayment);
        pickProblem.textProperty().bind(viewModel.pick().problemProperty());
        showWhenNotEmpty(pickProblem);
        bindPayment();
        totalLabel.textProperty().bind(viewModel.totalProperty());
        busyIndicator.visibleProperty().bind(viewModel.busyProperty());
        payButton.disableProperty().bind(viewModel.busyProperty().or(viewModel.showProperty().isNull()));
        payButton.setOnAction(event -> viewModel.pay());
        errorLabel.textProperty().bind(viewModel.errorMessageProperty());
        showWhenNotEmpty(errorLabel);
        discardButton.visibleProperty().bind(viewModel.outcomeUnknownProperty());
        discardButton.managedProperty().bind(discardButton.visibleProperty());
        discardButton.setOnAction(event -> viewModel.discardUnsettled());
        bindSide();
    }

    /** The box office's shortcuts that act on the sale; they work wherever the focus is on the screen. */
    void bindShortcuts(Node screenRoot) {
        Shortcuts.bind(screenRoot, new KeyCodeCombination(KeyCode.ENTER, KeyCombination.CONTROL_DOWN), payButton::fire);
        Shortcuts.bind(screenRoot, new KeyCodeCombination(KeyCode.F2), this::startNewSale);
        Shortcuts.bind(screenRoot, new KeyCodeCombination(KeyCode.F6), cashToggle::fire);
        Shortcuts.bind(screenRoot, new KeyCodeCombination(KeyCode.F7), cardToggle::fire);
        Shortcuts.bind(screenRoot, new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN), printButton::fire);
        Shortcuts.bind(screenRoot, new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN), savePdfButton::fire);
        // Ctrl+U goes to the voucher field; Enter there (or Ctrl+U again) applies the code.
        Shortcuts.bind(screenRoot, new KeyCodeCombination(KeyCode.U, KeyCombination.SHORTCUT_DOWN), () -> {
            if (voucherField.isFocused()) {
                applyVoucherButton.fire();
            } else {
                voucherField.requestFocus();
                voucherField.selectAll();
            }
        });
    }

    /** F2 or Enter on a show: a fresh sale with the cursor in the first quantity that can be sold. */
    void startNewSale() {
        viewModel.newSale();
        tiers.focusFirstQuantity();
    }

    private void bindPayment() {
        cashToggle.setUserData(PaymentMethod.CASH);
        cardToggle.setUserData(PaymentMethod.CARD);
        methodGroup.selectToggle(viewModel.payment().methodProperty().get() == PaymentMethod.CARD ? cardToggle
                : cashToggle);
        methodGroup.selectedToggleProperty().addListener((property, before, now) -> {
            if (now == null) {
                methodGroup.selectToggle(before); // one method is always chosen
            } else {
                viewModel.payment().methodProperty().set((PaymentMethod) now.getUserData());
                focusPayment();
            }
        });
        BooleanBinding cash = viewModel.payment().methodProperty().isEqualTo(PaymentMethod.CASH);
        cashBox.visibleProperty().bind(cash);
        cashBox.managedProperty().bind(cash);
        cardBox.visibleProperty().bind(cash.not());
        cardBox.managedProperty().bind(cash.not());
        tenderedField.textProperty().bindBidirectional(viewModel.payment().tenderedProperty());
        changeDue.textProperty().bind(viewModel.payment().changeDueProperty());
        showWhenNotEmpty(changeDue);
        cardField.textProperty().bindBidirectional(viewModel.payment().cardNumberProperty());
        customerField.textProperty().bindBidirectional(viewModel.customerNameProperty());
        voucherField.textProperty().bindBidirectional(viewModel.voucherCodeProperty());
        voucherField.setOnAction(event -> viewModel.applyVoucher());
        applyVoucherButton.setOnAction(event -> viewModel.applyVoucher());
        applyVoucherButton.disableProperty().bind(viewModel.busyProperty());
        voucherNote.textProperty().bind(viewModel.voucherNoteProperty());
        voucherNote.visibleProperty().bind(viewModel.voucherNoteProperty().isNotEmpty());
        voucherNote.managedProperty().bind(voucherNote.visibleProperty());
        tenderedField.setOnAction(event -> payButton.fire());
        cardField.setOnAction(event -> payButton.fire());
    }

    private void bindSide() {
        BooleanBinding hasReceipt = viewModel.receiptProperty().isNotNull();
        receiptPanel.visibleProperty().bind(hasReceipt);
        seatMapHolder.visibleProperty().bind(viewModel.seatedProperty().and(hasReceipt.not()));
        sideHint.visibleProperty().bind(viewModel.seatedProperty().not().and(hasReceipt.not()));
        seatMapHolder.getChildren().setAll(ViewLoader.load(new SeatMapView(viewModel.pick().seatMap())));
        TicketListCell.install(ticketList);
        newSaleButton.setOnAction(event -> startNewSale());
        printButton.disableProperty().bind(hasReceipt.not());
        printButton.setOnAction(event -> {
            Receipt receipt = viewModel.receiptProperty().get();
            if (receipt != null) {
                printMessage.setText("Printing…");
                printout.print(TicketPrintout.of(receipt), "order-" + receipt.orderId(), printMessage::setText);
            }
        });
        savePdfButton.disableProperty().bind(hasReceipt.not());
        savePdfButton.setOnAction(event -> {
            Receipt receipt = viewModel.receiptProperty().get();
            if (receipt != null) {
                SaveDialog.pdf(savePdfButton, "order-" + receipt.orderId() + ".pdf", "Save tickets and receipt as PDF")
                        .ifPresent(target -> {
                            printMessage.setText("Saving…");
                            printout.savePdf(() -> ReceiptPdf.of(receipt), target, printMessage::setText);
                        });
            }
        });
        // Enter on the receipt starts the next sale: the counter's rhythm is sale, receipt, next.
        newSaleButton.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER) {
                newSaleButton.fire();
                event.consume();
            }
        });
        viewModel.receiptProperty().addListener((property, before, receipt) -> {
            if (receipt != null) {
                receiptSummary.setText(receipt.summary() + " · " + receipt.eventTitle() + ", " + receipt.startsAt());
                receiptChange.setText(receipt.changeDue().isEmpty() ? "Paid by card"
                        : "Change due " + receipt.changeDue());
                receiptOrder.setText("Order " + receipt.orderId());
                ticketList.getItems().setAll(receipt.tickets());
                printMessage.setText("");
                newSaleButton.requestFocus();
            }
        });
    }

    private void focusPayment() {
        TextField field = viewModel.payment().methodProperty().get() == PaymentMethod.CASH ? tenderedField : cardField;
        field.requestFocus();
        field.selectAll();
    }

    private static String details(ShowEntry show) {
        return show == null ? "Pick a show on the left." : show.startsAtText() + " · " + show.venueName() + " · "
                + show.seatingText() + (show.onSale() ? "" : " · not on sale");
    }

    private static void showWhenNotEmpty(Label label) {
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }
}
