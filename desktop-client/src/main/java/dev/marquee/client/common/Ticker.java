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

    /**
     * Ticks on the FX thread with a {@link Timeline}. A timeline whose one key frame is at zero never ticks, so a
     * period below a millisecond (a wait that is nearly over, rounded down) is ticked after one millisecond.
     */
    static Ticker javaFx() {
        return (period, tick) -> {
            double millis = Math.max(1, period.toNanos() / 1e6);
            Timeline timeline = new Timeline(new KeyFrame(javafx.util.Duration.millis(millis), event -> tick.run()));
            timeline.setCycleCount(Timeline.INDEFINITE);
            timeline.play();
            return timeline::stop;
        };
    }
}
