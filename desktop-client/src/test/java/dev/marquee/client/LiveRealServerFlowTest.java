package dev.marquee.client;

import static dev.marquee.client.RealClient.awaitTrue;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Live counts against the real server: a booking made elsewhere shows within a second; the server going away. */
@ExtendWith(ApplicationExtension.class)
class LiveRealServerFlowTest {

    private ClientUnderTest client;

    @Start
    void start(Stage stage) {
        client = ClientUnderTest.atSignIn(stage);
    }

    @AfterEach
    void close() {
        RealServer.shared(); // a test that stopped the server leaves it running for the next
        client.close();
    }

    @Test
    void aHoldMadeByAnotherClientShowsUpWithinASecond(FxRobot robot) {
        RealClient clerk = new RealClient(robot);
        clerk.signIn("clerk@marquee.test");
        clerk.pickShow("Late Night Jazz");
        awaitTrue(() -> !clerk.tierFigure("Bar Table", 3).isEmpty());
        // Let the subscription's snapshot arrive before the change, so the change is what we measure.
        WaitForAsyncUtils.sleep(500, java.util.concurrent.TimeUnit.MILLISECONDS);
        int heldBefore = Integer.parseInt(clerk.tierFigure("Bar Table", 3));

        client.holdElsewhere("fan@marquee.test", "Late Night Jazz", "Bar Table", 3);

        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20)).until(() -> {
            WaitForAsyncUtils.waitForFxEvents();
            return Integer.parseInt(clerk.tierFigure("Bar Table", 3)) == heldBefore + 3;
        });
    }

    @Test
    void theOfflineBannerShowsWhileTheServerIsDownAndGoesWhenItReturns(FxRobot robot) {
        RealClient clerk = new RealClient(robot);
        clerk.signIn("clerk@marquee.test");
        clerk.pickShow("Late Night Jazz");
        assertFalse(clerk.visible("#offlineBanner"));

        RealServer server = RealServer.shared();
        server.stop();
        awaitTrue(() -> clerk.visible("#offlineBanner"));
        assertTrue(robot.lookup("#payButton").query().isDisabled(), "paying needs the server");

        server.start();
        awaitTrue(() -> !clerk.visible("#offlineBanner"));
        awaitTrue(() -> !robot.lookup("#payButton").query().isDisabled());
    }
}
