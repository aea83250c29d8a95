package dev.marquee.client.common;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The JavaFX ticker on the real toolkit ticks whatever its period. A reload waiting out the rest of its gap asks for
 * whatever is left, which can be less than a millisecond; such a timer never ticked, and the admin report stopped
 * following pushes for good.
 */
@ExtendWith(ApplicationExtension.class)
class TickerTest {

    @Start
    void start(Stage stage) {
        // The toolkit is all these tests need; no window.
    }

    @Test
    void aPeriodBelowOneMillisecondStillTicks() throws InterruptedException {
        assertTicks(Duration.ofNanos(400_000));
    }

    @Test
    void aPeriodOfZeroTicks() throws InterruptedException {
        assertTicks(Duration.ZERO);
    }

    @Test
    void aPeriodOfAFewMillisecondsTicks() throws InterruptedException {
        assertTicks(Duration.ofMillis(5));
    }

    private static void assertTicks(Duration period) throws InterruptedException {
        CountDownLatch ticked = new CountDownLatch(1);
        Ticker.Stoppable[] timer = new Ticker.Stoppable[1];
        Platform.runLater(() -> timer[0] = Ticker.javaFx().every(period, () -> {
            timer[0].stop();
            ticked.countDown();
        }));
        assertTrue(ticked.await(2, TimeUnit.SECONDS), "no tick within 2 s for a period of " + period);
    }
}
