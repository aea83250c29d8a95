package dev.marquee.client;

import static dev.marquee.client.RealClient.awaitTrue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marquee.model.booking.HoldView;
import dev.marquee.model.catalog.WaitingRoom;
import java.time.Duration;
import java.time.Instant;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A fan in a show's waiting line against the real server: queued, admitted and buying; told the show sold out, with
 * its other dates offered; waiting for the draw of a scheduled opening.
 */
@ExtendWith(ApplicationExtension.class)
class FanWaitingRoomRealServerFlowTest {

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
    void aQueuedFanIsAdmittedAndBuys(FxRobot robot) {
        long show = client.newShowElsewhere("Queue Flow: Admitted", 10, WaitingRoom.ON, null);
        HoldView counter = client.holdAllElsewhere(show, 10);
        RealClient fan = new RealClient(robot);
        fan.signIn("fan@marquee.test");

        fan.pickShow("Queue Flow: Admitted");

        awaitTrue(() -> fan.text(".waiting-room-view .title-3").equals("You're in line"));
        awaitTrue(() -> fan.text(".waiting-room-view .line-position").startsWith("Number 1 · you're next"));
        assertTrue(robot.lookup(".booking-form").query().isDisabled(), "the form waits for the fan's turn");
        awaitTrue(() -> fan.text(".waiting-room-view .line-message").startsWith("All remaining tickets are in other"));

        client.releaseElsewhere(counter.id());

        awaitTrue(() -> fan.text(".waiting-room-view .title-3").equals("It's your turn!"));
        awaitTrue(() -> fan.text(".waiting-room-view .line-countdown").endsWith("left to start booking"));
        Node quantity = robot.lookup("#tierGrid .quantity").nth(0).query();
        robot.clickOn(quantity).write("2");
        fan.ctrl(KeyCode.H);
        awaitTrue(() -> fan.text(".countdown").endsWith("left to pay"));
        fan.ctrl(KeyCode.A);
        robot.write("4242 4242 4242 4242").type(KeyCode.ENTER);
        awaitTrue(() -> fan.text(".done .title-3").equals("You're going!"));
    }

    @Test
    void aFanIsToldTheShowSoldOutAndOfferedItsOtherDates(FxRobot robot) {
        long show = client.newShowElsewhere("Queue Flow: Sold Out", 1, WaitingRoom.ON, null);
        client.newDateElsewhere(client.eventOf(show), 50, WaitingRoom.AUTO, null);
        HoldView counter = client.holdAllElsewhere(show, 1);
        RealClient fan = new RealClient(robot);
        fan.signIn("fan@marquee.test");
        fan.pickShow("Queue Flow: Sold Out");
        awaitTrue(() -> fan.text(".waiting-room-view .title-3").equals("You're in line"));

        client.checkoutElsewhere(counter.id());

        awaitTrue(() -> fan.text(".waiting-room-view .title-3").equals("Sold out"));
        awaitTrue(() -> fan.text(".waiting-room-view .line-message").startsWith("Every ticket has been sold"));
        awaitTrue(() -> robot.lookup(".waiting-room-view .other-dates").query().isVisible());
    }

    @Test
    void aFanWaitsForTheDrawThenGetsATurn(FxRobot robot) {
        client.newShowElsewhere("Queue Flow: Draw", 20, WaitingRoom.ON, Instant.now().plus(Duration.ofSeconds(15)));
        RealClient fan = new RealClient(robot);
        fan.signIn("fan@marquee.test");

        fan.pickShow("Queue Flow: Draw");

        awaitTrue(() -> fan.text(".waiting-room-view .title-3").equals("You're in: the line opens soon"));
        awaitTrue(() -> fan.text(".waiting-room-view .line-countdown").startsWith("The draw is in 0:"));
        assertTrue(robot.lookup(".booking-form").query().isDisabled());

        awaitTrue(() -> fan.text(".waiting-room-view .title-3").equals("It's your turn!"));
        awaitTrue(() -> !robot.lookup(".booking-form").query().isDisabled());
    }
}
