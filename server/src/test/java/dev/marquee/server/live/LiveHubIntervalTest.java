package dev.marquee.server.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** How often one show's watchers hear from it and from its line, as docs/api.md states it. */
class LiveHubIntervalTest {

    @Test
    void aShowWatchedByUpTo500SendsEvery50Ms() {
        assertEquals(50, LiveHub.intervalMillis(0));
        assertEquals(50, LiveHub.intervalMillis(1));
        assertEquals(50, LiveHub.intervalMillis(500));
    }

    @Test
    void moreWatchersHearLessOftenSoTheShowStaysNear10000FramesASecond() {
        assertEquals(100, LiveHub.intervalMillis(1_000));
        assertEquals(1_000, LiveHub.intervalMillis(10_000));
        for (int watchers = 500; watchers <= 50_000; watchers += 500) {
            long framesPerSecond = watchers * 1000L / LiveHub.intervalMillis(watchers);
            assertEquals(10_000, framesPerSecond, 1, watchers + " watchers");
        }
    }

    @Test
    void aLineSendsEvery100MsUntilItsWatchersWouldPass20000FramesASecond() {
        assertEquals(100, LineFeed.intervalMillis(0));
        assertEquals(100, LineFeed.intervalMillis(2_000));
        assertEquals(250, LineFeed.intervalMillis(5_000));
        assertEquals(500, LineFeed.intervalMillis(10_000));
    }
}
