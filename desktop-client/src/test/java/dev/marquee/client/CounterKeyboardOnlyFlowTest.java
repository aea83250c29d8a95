package dev.marquee.client;

import static dev.marquee.client.RealClient.awaitTrue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.Node;
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
 * The counter with the keyboard alone, against the real server: from the sign-in screen to a receipt and on to the
 * next sale, no click and no focus set by the test. Every key lands because each screen comes up ready for it.
 */
@ExtendWith(ApplicationExtension.class)
class CounterKeyboardOnlyFlowTest {

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
    void signInToReceiptAndTheNextSaleWithKeysAlone(FxRobot robot) {
        RealClient clerk = new RealClient(robot);
        awaitTrue(() -> focused(robot, "#emailField"));
        robot.write("clerk@marquee.test");
        robot.type(KeyCode.TAB);
        robot.write("marquee-demo");
        robot.type(KeyCode.ENTER);

        // Signed in: the show list has the keyboard, its first show picked and its tiers on screen.
        awaitTrue(() -> robot.lookup("#signOutButton").tryQuery().isPresent());
        awaitTrue(() -> focused(robot, "#showList"));
        awaitTrue(() -> !showList(robot).getSelectionModel().isEmpty());
        awaitTrue(() -> !robot.lookup("#tierGrid .quantity").queryAll().isEmpty());

        robot.type(KeyCode.ENTER);                // sell the picked show: the cursor goes to its first tier
        robot.write("1");
        robot.type(KeyCode.F7);                   // card (the test card is filled in)
        clerk.ctrl(KeyCode.ENTER);                // pay
        awaitTrue(() -> clerk.text(".receipt-change").equals("Paid by card"));
        awaitTrue(() -> focused(robot, "#newSaleButton"));

        robot.type(KeyCode.ENTER);                // the next sale, still without the mouse
        awaitTrue(() -> !clerk.visible("#receiptPanel"));

        clerk.ctrl(KeyCode.DIGIT2);               // the door: its code field takes the keyboard
        awaitTrue(() -> focused(robot, "#codeField"));
        clerk.ctrl(KeyCode.DIGIT1);               // back at the counter: the show list again
        awaitTrue(() -> focused(robot, "#showList"));
        assertTrue(robot.lookup("#showList").query().isFocused());
    }

    private static boolean focused(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().map(Node::isFocused).orElse(false);
    }

    @SuppressWarnings("unchecked")
    private static ListView<Object> showList(FxRobot robot) {
        return robot.lookup("#showList").queryAs(ListView.class);
    }
}
