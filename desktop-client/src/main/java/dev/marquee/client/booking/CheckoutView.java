package dev.marquee.client.booking;

import dev.marquee.client.common.Shortcuts;
import dev.marquee.client.common.printing.Receipt;
import dev.marquee.client.common.widgets.Notices;
import dev.marquee.client.common.widgets.TicketListCell;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.VBox;

/** Binds the hold panel (countdown and card), the confirmation, and the "hold ended" notice. */
public final class CheckoutView {

    private final CheckoutViewModel viewModel;

    @FXML private VBox holdPanel;
    @FXML private Label heldWhat;
    @FXML private Label countdown;
    @FXML private TextField cardField;
    @FXML private TextField nameField;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private Button releaseButton;
    @FXML private Button payButton;
    @FXML private Label holdMessage;
    @FXML private VBox orderPanel;
    @FXML private Label orderSummary;
    @FXML private ListView<Receipt.Line> orderTickets;
    @FXML private Button doneButton;
    @FXML private VBox expiredPanel;
    @FXML private Label expiredMessage;
    @FXML private Button expiredOkButton;

    public CheckoutView(CheckoutViewModel viewModel) {
        this.viewModel = viewModel;
    }

    /** True while there is a hold, a confirmation or an ended-hold notice to show. */
    BooleanBinding hasSomethingToShow() {
        return viewModel.holdProperty().isNotNull().or(viewModel.orderProperty().isNotNull())
                .or(viewModel.expiredProperty());
    }

    void bindShortcuts(Node screenRoot) {
        Shortcuts.bind(screenRoot, new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN), payButton::fire);
        Shortcuts.bind(screenRoot, new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN),
                releaseButton::fire);
    }

    @FXML
    private void initialize() {
        holdPanel.visibleProperty().bind(viewModel.holdProperty().isNotNull());
        heldWhat.textProperty().bind(viewModel.descriptionProperty().concat(" · ").concat(viewModel.totalProperty()));
        countdown.textProperty().bind(viewModel.countdownProperty());
        cardField.textProperty().bindBidirectional(viewModel.payment().cardNumberProperty());
        cardField.setOnAction(event -> payButton.fire());
        nameField.textProperty().bindBidirectional(viewModel.customerNameProperty());
        busyIndicator.visibleProperty().bind(viewModel.busyProperty());
        payButton.textProperty().bind(Bindings.concat("Pay ", viewModel.totalProperty(), " (Ctrl+Enter)"));
        payButton.disableProperty().bind(viewModel.busyProperty().or(viewModel.holdProperty().isNull()));
        payButton.setOnAction(event -> viewModel.checkout());
        releaseButton.disableProperty().bind(payButton.disableProperty());
        releaseButton.setOnAction(event -> viewModel.release());
        holdMessage.textProperty().bind(viewModel.messageProperty());
        holdMessage.visibleProperty().bind(viewModel.messageProperty().isNotEmpty());

        TicketListCell.install(orderTickets);
        orderPanel.visibleProperty().bind(viewModel.orderProperty().isNotNull());
        viewModel.orderProperty().addListener((property, before, order) -> showOrder(order));
        doneButton.setOnAction(event -> viewModel.dismiss());

        expiredPanel.visibleProperty().bind(viewModel.expiredProperty());
        expiredMessage.textProperty().bind(viewModel.messageProperty());
        expiredOkButton.setOnAction(event -> viewModel.dismiss());
        Notices.follow(expiredMessage, viewModel.expiredProperty().map(ended -> ended ? viewModel.messageProperty().get() : ""));

        // A new hold puts the cursor on the card number: Enter then pays.
        viewModel.holdProperty().addListener((property, before, hold) -> {
            if (hold != null) {
                cardField.requestFocus();
            }
        });
    }

    private void showOrder(Receipt order) {
        if (order == null) {
            orderTickets.getItems().clear();
            return;
        }
        orderSummary.setText(order.summary() + " · " + order.eventTitle() + ", " + order.startsAt());
        orderTickets.getItems().setAll(order.tickets());
        doneButton.requestFocus();
    }
}
