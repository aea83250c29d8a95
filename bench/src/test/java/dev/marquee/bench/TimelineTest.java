package dev.marquee.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TimelineTest {

    private static final long MS = 1_000_000;

    @Test
    void knowsNoWindowBeforeTheStepBegins() {
        Timeline timeline = new Timeline(2);
        assertEquals(-1, timeline.window(123));
        timeline.begin(1_000 * MS);
        assertEquals(0, timeline.window(1_000 * MS));
        assertEquals(0, timeline.window(1_049 * MS));
        assertEquals(1, timeline.window(1_050 * MS));
    }

    @Test
    void keepsTheWorstLatencyAndTheRefusalsOfEachWindowByWhenTheRequestWasDue() {
        Timeline timeline = new Timeline(2);
        timeline.begin(0);
        timeline.record(10 * MS, 3 * MS, false);
        timeline.record(20 * MS, 90 * MS, false);
        timeline.record(60 * MS, 40 * MS, true);
        timeline.record(1_010 * MS, 5 * MS, false);

        List<Timeline.Window> worst = timeline.worst(2);
        assertEquals(List.of(new Timeline.Window(0, 0, 2, 0, 90), new Timeline.Window(1, 50, 1, 1, 40)), worst);
    }

    @Test
    void sumsWholeSecondsAndLeavesOutThoseWithNothingDue() {
        Timeline timeline = new Timeline(3);
        timeline.begin(0);
        timeline.record(10 * MS, 3 * MS, false);
        timeline.record(990 * MS, 7 * MS, true);
        timeline.record(2_500 * MS, 1 * MS, false);

        assertEquals(List.of(new Timeline.Window(0, 0, 2, 1, 7), new Timeline.Window(2, 2_000, 1, 0, 1)),
                timeline.seconds());
    }

    @Test
    void aLateAnswerPastTheEndFallsInTheLastWindow() {
        Timeline timeline = new Timeline(1);
        timeline.begin(0);
        timeline.record(60_000 * MS, 1 * MS, false);
        assertEquals(1, timeline.seconds().getLast().due());
    }
}
