package dev.marquee.client;

import static dev.marquee.client.RealClient.awaitTrue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marquee.client.booking.WaitlistJoinViewModel.TierChoice;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A fan waits on a sold-out tier of their choosing against the real server; a clerk's refund elsewhere returns a
 * ticket, and the offer reaches the fan's screen over the live connection, with no refresh, and goes to checkout.
 */
@ExtendWith(ApplicationExtension.class)
class FanWaitlistOfferRealServerFlowTest {

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
    void aRefundedTicketIsOfferedLiveToTheFanWaitingForItsTierAndGoesStraightToCheckout(FxRobot robot) {
        RealClient fan = new RealClient(robot);
        fan.signIn("fan@marquee.test");
        fan.pickShow("The Velvet Echoes");
        awaitTrue(() -> fan.visible("#waitlistBox"));

        robot.interact(() -> {
            @SuppressWarnings("unchecked")
            ComboBox<TierChoice> tiers = robot.lookup("#waitTierBox").queryAs(ComboBox.class);
            tiers.getItems().stream().filter(tier -> tier.name().equals("Early Bird")).findFirst()
                    .ifPresent(tier -> tiers.getSelectionModel().select(tier));
            robot.lookup("#waitQuantityField").queryAs(TextField.class).setText("1");
        });
        fan.ctrl(KeyCode.W);
        awaitTrue(() -> fan.text("#waitMessage").endsWith("on the waiting list for Early Bird. Tickets that come"
                + " back are held for you here."));
        assertTrue(!fan.visible("#offerBanner"), "nothing offered yet");

        client.refundElsewhere("The Velvet Echoes", "Early Bird");

        awaitTrue(() -> fan.visible("#offerBanner")
                && fan.text("#offerCountdown").endsWith("left to check out"));
        assertTrue(fan.text("#offerText").startsWith("Tickets for The Velvet Echoes"), fan.text("#offerText"));
        fan.ctrl(KeyCode.O);
        awaitTrue(() -> fan.text(".countdown").endsWith("left to pay"));
        awaitTrue(() -> !fan.visible("#offerBanner"));
    }
}
