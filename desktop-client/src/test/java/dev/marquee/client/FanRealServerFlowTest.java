package dev.marquee.client;

import static dev.marquee.client.RealClient.awaitTrue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marquee.client.booking.MyTicketsViewModel.TicketRow;
import dev.marquee.client.common.printing.Receipt;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A fan's booking against the real server: hold, a declined card that keeps the hold, paying, my tickets. */
@ExtendWith(ApplicationExtension.class)
class FanRealServerFlowTest {

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
    void aDeclinedCardKeepsTheHoldThenPayingPutsTheTicketsInMyTickets(FxRobot robot) {
        RealClient fan = new RealClient(robot);
        fan.signIn("fan@marquee.test");
        fan.pickShow("Aurora Skies");
        int leftBefore = Integer.parseInt(fan.tierFigure("General Admission", 2));

        Node generalAdmission = robot.lookup("#tierGrid .quantity").nth(2).query();
        robot.clickOn(generalAdmission).write("2");
        fan.ctrl(KeyCode.H);
        awaitTrue(() -> fan.text(".countdown").endsWith("left to pay"));
        awaitTrue(() -> Integer.parseInt(fan.tierFigure("General Admission", 2)) == leftBefore - 2);

        // The card field has the cursor once the hold is made.
        fan.ctrl(KeyCode.A);
        robot.write("4000 0000 0000 0002").type(KeyCode.ENTER);
        awaitTrue(() -> fan.text(".message").startsWith("Your card was declined"));
        assertTrue(fan.visible(".countdown"), "the hold is still there");
        assertEquals(leftBefore - 2, Integer.parseInt(fan.tierFigure("General Admission", 2)),
                "the held tickets stay held");

        fan.ctrl(KeyCode.A);
        robot.write("4242 4242 4242 4242").type(KeyCode.ENTER);
        // The confirmation's words are there all along, hidden: wait for the pane with the order in it.
        awaitTrue(() -> fan.visible(".done") && !confirmedTickets(robot).isEmpty());
        assertEquals("You're going!", fan.text(".done .title-3"));
        List<String> bought = confirmedTickets(robot).stream().map(Receipt.Line::code).toList();
        assertEquals(2, bought.size());

        fan.ctrl(KeyCode.T);
        awaitTrue(() -> myTickets(robot).stream().map(TicketRow::code).toList().containsAll(bought));
    }

    @SuppressWarnings("unchecked")
    private static List<Receipt.Line> confirmedTickets(FxRobot robot) {
        return List.copyOf(robot.lookup("#orderTickets").queryAs(ListView.class).getItems());
    }

    @SuppressWarnings("unchecked")
    private static List<TicketRow> myTickets(FxRobot robot) {
        return List.copyOf(robot.lookup(".my-tickets-view .table-view").queryAs(TableView.class).getItems());
    }
}
