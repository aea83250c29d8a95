package dev.marquee.client.admin.shows;

import dev.marquee.client.common.Ticker;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs a reload at most once per gap however often it is asked for: a burst of live pushes (a busy box office
 * sells many times a second) becomes one reload now and one after the gap, never a reload per push. The work
 * is asynchronous and calls the runnable it is given when it has finished; requests that arrive meanwhile
 * merge into one run after it. Called on the FX thread only.
 */
public final class Coalescer {

    private final Duration gap;
    private final Supplier<Instant> clock;
    private final Ticker ticker;
    private final Consumer<Runnable> work;

    private boolean wanted;
    private boolean urgent;
    private boolean running;
    private boolean waiting;
    private Instant lastStart;

    public Coalescer(Duration gap, Supplier<Instant> clock, Ticker ticker, Consumer<Runnable> work) {
        this.gap = gap;
        this.clock = clock;
        this.ticker = ticker;
        this.work = work;
    }

    /** Something changed: run soon, but not sooner than a gap after the last run started. */
    public void request() {
        wanted = true;
        pump();
    }

    /** The user asked (or picked another show): run as soon as the run in flight, if any, has finished. */
    public void now() {
        wanted = true;
        urgent = true;
        pump();
    }

    private void pump() {
        if (running || !wanted) {
            return;
        }
        Duration wait = urgent || lastStart == null ? Duration.ZERO
                : gap.minus(Duration.between(lastStart, clock.get()));
        if (!wait.isPositive()) {
            wanted = false;
            urgent = false;
            running = true;
            lastStart = clock.get();
            boolean[] finished = {false};
            // Each run ends once: a callback called twice must not end the run that came after it.
            work.accept(() -> {
                if (!finished[0]) {
                    finished[0] = true;
                    running = false;
                    pump();
                }
            });
        } else if (!waiting) {
            waiting = true;
            Ticker.Stoppable[] timer = new Ticker.Stoppable[1];
            // A ticker ticks until stopped; the first tick is all a one-off wait needs. A tick that comes early
            // (or finds the run already done by an urgent one) re-checks above and waits again or does nothing.
            timer[0] = ticker.every(wait, () -> {
                timer[0].stop();
                waiting = false;
                pump();
            });
        }
    }
}
