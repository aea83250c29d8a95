package dev.marquee.client.common;

import java.time.Duration;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;

/**
 * Runs something on the FX thread at a fixed rate, for countdowns. An interface so that view model tests can
 * advance time by hand instead of waiting for it.
 */
public interface Ticker {

    /** Starts ticking; the returned handle stops it. */
    Stoppable every(Duration period, Runnable tick);

    @FunctionalInterface
    interface Stoppable {
        void stop();
    }

    static Ticker javaFx() {
        return (period, tick) -> {
            Timeline timeline = new Timeline(new KeyFrame(javafx.util.Duration.millis(period.toMillis()),
                    event -> tick.run()));
            timeline.setCycleCount(Timeline.INDEFINITE);
            timeline.play();
            return timeline::stop;
        };
    }
}
