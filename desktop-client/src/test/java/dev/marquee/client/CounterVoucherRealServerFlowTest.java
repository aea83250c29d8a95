package dev.marquee.client;

import static dev.marquee.client.RealClient.awaitTrue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.marquee.client.common.printing.Receipt;
import dev.marquee.model.booking.OrderView;
import dev.marquee.model.booking.TicketView;
import java.util.List;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A voucher at the counter against the real server: the clerk types the demo code, sees the discount and the new
 * total before paying, and the order the server keeps carries the code and the discounted prices. A code the show
 * does not have is refused in the server's words and the total stays as it was.
 */
@ExtendWith(ApplicationExtension.class)
class CounterVoucherRealServerFlowTest {

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
    void aVoucherShowsItsDiscountBeforePayingAndTheOrderCarriesIt(FxRobot robot) {
        RealClient clerk = new RealClient(robot);
        clerk.signIn("clerk@marquee.test");
        clerk.pickShow("Aurora Skies");

        robot.type(KeyCode.ENTER);                // sell the picked show, cursor in VIP
        robot.type(KeyCode.DOWN, 2);              // General Admission, $10
        robot.write("2");
        awaitTrue(() -> clerk.text("#totalLabel").equals("$20.00"));

        clerk.ctrl(KeyCode.U);                    // the voucher field
        robot.write("NO-SUCH-CODE").type(KeyCode.ENTER);
        awaitTrue(() -> clerk.text("#voucherNote").contains("voucher"));
        assertEquals("$20.00", clerk.text("#totalLabel"), "a refused code takes nothing off");

        clerk.ctrl(KeyCode.A);                    // still in the field: select the refused code
        robot.write("aurora10").type(KeyCode.ENTER);
        awaitTrue(() -> clerk.text("#voucherNote").equals("AURORA10: 10 % off each ticket, $2.00 off this sale"));
        assertEquals("$18.00", clerk.text("#totalLabel"));

        robot.type(KeyCode.F7);                   // card (the test card is filled in)
        clerk.ctrl(KeyCode.ENTER);                // pay
        awaitTrue(() -> clerk.text(".receipt-change").equals("Paid by card"));

        List<Receipt.Line> lines = robot.lookup("#ticketList").queryAs(ListView.class).getItems();
        assertEquals(List.of("$9.00", "$9.00"), lines.stream().map(Receipt.Line::price).toList());
        OrderView order = client.orderElsewhere(clerk.text("#receiptOrder").substring("Order ".length()));
        assertEquals("AURORA10", order.voucherCode());
        assertEquals(1800, order.totalCents());
        assertEquals(List.of(900, 900), order.tickets().stream().map(TicketView::priceCents).toList());
    }
}
