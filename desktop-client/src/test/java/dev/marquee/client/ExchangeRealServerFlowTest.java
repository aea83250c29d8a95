package dev.marquee.client;

import static dev.marquee.client.RealClient.awaitTrue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marquee.client.common.widgets.ShowEntry;
import dev.marquee.model.booking.OrderView;
import dev.marquee.model.booking.TicketStatus;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * An exchange at the desk against the real server: a Late Night Jazz ticket sold by card is found, given back for a
 * Premium seat of Vivaldi (its tiers live while the clerk looks), the difference paid by card, the new tickets
 * printed, and the server holds the old ticket EXCHANGED and the new order made from the old one.
 */
@ExtendWith(ApplicationExtension.class)
class ExchangeRealServerFlowTest {

    private ClientUnderTest client;

    @Start
    void start(Stage stage) {
        client = ClientUnderTest.atSignIn(stage);
    }

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void aJazzTicketIsExchangedForAVivaldiSeatAndTheServerKnowsWhereItCameFrom(FxRobot robot) {
        OrderView first = client.sellOrderElsewhere("Late Night Jazz", "Standing");
        RealClient clerk = new RealClient(robot);
        clerk.signIn("clerk@marquee.test");
        clerk.ctrl(KeyCode.DIGIT2);                               // the desk
        robot.clickOn("#orderField").write(first.id()).type(KeyCode.ENTER);
        awaitTrue(() -> robot.lookup("#refundList").queryAs(ListView.class).getItems().size() == 1);

        clerk.ctrl(KeyCode.E);                                    // exchange the ticked ticket
        awaitTrue(() -> clerk.visible("#exchangeShowList") && !exchangeShows(robot).getItems().isEmpty());
        assertEquals("Giving back 1 ticket of " + first.eventTitle() + ": $25.00", clerk.text("#exchangeGivenBack"));
        robot.interact(() -> {
            ListView<ShowEntry> list = exchangeShows(robot);
            list.getItems().stream().filter(entry -> entry.eventTitle().startsWith("Vivaldi")).findFirst()
                    .ifPresent(entry -> list.getSelectionModel().select(entry));
            list.requestFocus();
        });
        awaitTrue(() -> clerk.text("#exchangeShowTitle").startsWith("Vivaldi") && !premiumHeld(robot).isEmpty());

        // Someone else holds two Premium seats: the exchange's counts follow, unasked.
        int heldBefore = Integer.parseInt(premiumHeld(robot));
        client.holdElsewhere("fan@marquee.test", "Vivaldi", "Premium", 2);
        awaitTrue(() -> premiumHeld(robot).equals(Integer.toString(heldBefore + 2)));

        robot.type(KeyCode.ENTER);                                // to the Premium quantity
        robot.type(KeyCode.DIGIT1);                               // one of the best seats, $85.00
        awaitTrue(() -> clerk.text("#exchangeDifference").equals("To pay $60.00"));
        robot.type(KeyCode.ENTER);                                // on to the payment
        robot.type(KeyCode.F7);                                   // card (the test card is filled in)
        clerk.ctrl(KeyCode.ENTER);                                // exchange
        awaitTrue(() -> clerk.text("#exchangeSettled").equals("Paid $60.00 by card"));
        assertEquals("1 ticket in exchange: $60.00 paid", clerk.text("#exchangeReceiptSummary").split(" · ")[0]);

        clerk.ctrl(KeyCode.P);                                    // the new tickets, printed as a sale's are
        awaitTrue(() -> clerk.text("#exchangePrintMessage").startsWith("No printer found: saved as"));
        String newOrderId = clerk.text("#exchangeReceiptOrder").substring("Order ".length()).split(",")[0];

        robot.type(KeyCode.ESCAPE);                               // back to the desk, the old order read again
        awaitTrue(() -> clerk.visible("#orderSummary") && clerk.text("#orderSummary").endsWith(" · 1 exchanged"));
        assertTrue(clerk.text("#refundMessage").startsWith("Exchanged for 1 ticket of Vivaldi"),
                clerk.text("#refundMessage"));
        assertTrue(robot.lookup("#refundList").queryAs(ListView.class).getItems().isEmpty());

        OrderView old = client.orderElsewhere(first.id());
        assertEquals(TicketStatus.EXCHANGED, old.tickets().getFirst().status());
        OrderView made = client.orderElsewhere(newOrderId);
        assertEquals(first.id(), made.exchangedFromOrderId());
        assertEquals(6000, made.totalCents());
        assertEquals("Premium", made.tickets().getFirst().tierName());
    }

    @SuppressWarnings("unchecked")
    private static ListView<ShowEntry> exchangeShows(FxRobot robot) {
        return robot.lookup("#exchangeShowList").queryAs(ListView.class);
    }

    /** The Held figure of the Premium tier in the exchange's grid, "" until it is drawn. */
    private static String premiumHeld(FxRobot robot) {
        GridPane grid = robot.lookup("#exchangeTierGrid").queryAs(GridPane.class);
        Integer row = grid.getChildren().stream().filter(node -> node instanceof Label label
                        && label.getStyleClass().contains("tier-name") && "Premium".equals(label.getText()))
                .map(GridPane::getRowIndex).findFirst().orElse(null);
        return row == null ? "" : grid.getChildren().stream().filter(node -> row.equals(GridPane.getRowIndex(node))
                        && Integer.valueOf(3).equals(GridPane.getColumnIndex(node)) && node instanceof Label)
                .map(node -> ((Label) node).getText()).findFirst().orElse("");
    }
}
