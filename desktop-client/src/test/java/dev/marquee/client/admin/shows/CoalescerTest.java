package dev.marquee.client.admin.shows;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.marquee.client.common.ManualTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CoalescerTest {

    private final ManualTime time = ManualTime.atNoon();
    /** Runs started and not yet finished; the test finishes them, as an answer from the server would. */
    private final List<Runnable> inFlight = new ArrayList<>();
    private int started;
    private final Coalescer reloads = new Coalescer(Duration.ofSeconds(1), time::instant, time, done -> {
        started++;
        inFlight.add(done);
    });

    @Test
    void theFirstRequestRunsAtOnce() {
        reloads.request();

        assertEquals(1, started);
    }

    @Test
    void aBurstOfRequestsWithinTheGapRunsOnceMoreWhenTheGapHasPassed() {
        reloads.request();
        finishAll();

        for (int i = 0; i < 5; i++) {
            reloads.request();
        }
        time.advance(Duration.ofMillis(400));
        assertEquals(1, started, "still inside the second");

        time.advance(Duration.ofMillis(600));
        assertEquals(2, started);
        finishAll();
        time.advance(Duration.ofSeconds(5));
        assertEquals(2, started, "the burst ran once, not five times");
        assertEquals(0, time.running(), "no timer is left ticking");
    }

    @Test
    void requestsDuringARunMergeIntoOneRunAfterIt() {
        reloads.request();
        reloads.request();
        reloads.request();
        time.advance(Duration.ofSeconds(2));
        assertEquals(1, started, "nothing starts while a run is in flight");

        finishAll();

        assertEquals(2, started, "the gap has passed: the merged run starts as the first one ends");
    }

    @Test
    void aRunThatEndsQuicklyStillKeepsTheGapBeforeTheNext() {
        reloads.request();
        reloads.request();
        time.advance(Duration.ofMillis(100));
        finishAll();

        assertEquals(1, started);
        time.advance(Duration.ofMillis(900));
        assertEquals(2, started);
    }

    @Test
    void nowSkipsTheGapButNeverRunsTwiceAtOnce() {
        reloads.request();
        reloads.now();
        assertEquals(1, started, "a run is in flight");

        finishAll();
        assertEquals(2, started, "the urgent run follows at once, gap or not");

        finishAll();
        reloads.now();
        assertEquals(3, started);
    }

    @Test
    void aTimerThatFindsTheWorkDoneByAnUrgentRunDoesNothing() {
        reloads.request();
        finishAll();
        reloads.request();
        reloads.now();
        finishAll();

        time.advance(Duration.ofSeconds(1));

        assertEquals(2, started);
    }

    @Test
    void aRunEndedTwiceDoesNotEndTheRunAfterIt() {
        reloads.request();
        Runnable first = inFlight.removeFirst();
        reloads.now();
        first.run();
        assertEquals(2, started);

        first.run();
        reloads.now();

        assertEquals(2, started, "the second run is still in flight");
    }

    private void finishAll() {
        List<Runnable> done = List.copyOf(inFlight);
        inFlight.clear();
        done.forEach(Runnable::run);
    }
}
