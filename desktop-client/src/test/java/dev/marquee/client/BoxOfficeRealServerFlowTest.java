package dev.marquee.client;

import static dev.marquee.client.RealClient.awaitTrue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marquee.client.common.printing.Receipt;
import javafx.scene.control.Label;
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
 * The clerk's day against the real server on an embedded PostgreSQL: a GA cash sale with change, the door
 * scanning a ticket twice, a refund, a seated best-available sale, and the drawer closed with its Z-report.
 */
@ExtendWith(ApplicationExtension.class)
class BoxOfficeRealServerFlowTest {

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
    void cashSaleGivesChangeThenTheDoorAdmitsOnceThenTheRestIsRefunded(FxRobot robot) {
        RealClient clerk = new RealClient(robot);
        clerk.signIn("clerk@marquee.test");
        clerk.openDrawerIfClosed("200");
        clerk.pickShow("Late Night Jazz");

        robot.type(KeyCode.ENTER);                // sell the picked show
        robot.type(KeyCode.DOWN);                 // Standing, $25
        robot.write("2");
        robot.type(KeyCode.ENTER);                // on to the cash tendered
        robot.write("60");
        robot.type(KeyCode.ENTER);                // pay
        awaitTrue(() -> clerk.text(".receipt-change").equals("Change due $10.00"));

        Receipt.Line first = receiptLines(robot).get(0);
        String orderId = clerk.text("#receiptOrder").substring("Order ".length());

        clerk.ctrl(KeyCode.DIGIT2);               // the desk
        robot.clickOn("#codeField").write(first.code()).type(KeyCode.ENTER);
        awaitTrue(() -> clerk.text(".verdict").equals("Valid: welcome in"));
        robot.write(first.code()).type(KeyCode.ENTER);
        awaitTrue(() -> clerk.text(".verdict").equals("Already checked in"));
        robot.write("NOT-A-TICKET").type(KeyCode.ENTER);
        awaitTrue(() -> clerk.text(".verdict").equals("Invalid ticket"));

        robot.clickOn("#orderField").write(orderId).type(KeyCode.ENTER);
        // The checked-in ticket cannot go back; only the other one is offered.
        awaitTrue(() -> robot.lookup("#refundList").queryAs(ListView.class).getItems().size() == 1);
        clerk.ctrl(KeyCode.R);
        awaitTrue(() -> clerk.text("#refundMessage").equals("Refunded 1 ticket: give back $25.00."));
    }

    @Test
    void seatedBestAvailableSaleTakesSixKeysAndSellsAdjacentSeats(FxRobot robot) {
        RealClient clerk = new RealClient(robot);
        clerk.signIn("clerk@marquee.test");
        clerk.pickShow("Vivaldi");

        robot.type(KeyCode.ENTER);                // 1: sell the picked show, cursor in Premium
        robot.type(KeyCode.DIGIT2);               // 2: two of the best seats
        robot.type(KeyCode.F7);                   // 3: card (the test card is filled in)
        clerk.ctrl(KeyCode.ENTER);                // 4, 5: pay
        awaitTrue(() -> clerk.text(".receipt-change").equals("Paid by card"));

        var lines = receiptLines(robot);
        assertEquals(2, lines.size());
        assertTrue(lines.stream().allMatch(line -> line.tier().equals("Premium") && !line.seat().isEmpty()),
                lines.toString());
    }

    @Test
    void drawerOpensWithAFloatAndClosesWithAZReport(FxRobot robot) {
        RealClient clerk = new RealClient(robot);
        clerk.signIn("clerk@marquee.test");
        clerk.openDrawerIfClosed("150");
        awaitTrue(() -> clerk.text("#drawerSummary").contains("expected in drawer"));

        clerk.ctrl(KeyCode.DIGIT2);
        robot.clickOn("#countedField").write("1000").type(KeyCode.ENTER);
        awaitTrue(() -> clerk.visible("#zReportBox"));
        assertTrue(robot.lookup("#zReportGrid .label").queryAllAs(Label.class).stream()
                .anyMatch(label -> label.getText().equals("$1,000.00")), "the counted cash is on the Z-report");
        awaitTrue(() -> clerk.text("#drawerState").startsWith("No cash drawer open"));

        robot.clickOn("#printZButton");
        awaitTrue(() -> clerk.text("#printMessage").startsWith("No printer found: saved as"));
    }

    @SuppressWarnings("unchecked")
    private static java.util.List<Receipt.Line> receiptLines(FxRobot robot) {
        return robot.lookup("#ticketList").queryAs(ListView.class).getItems();
    }
}
