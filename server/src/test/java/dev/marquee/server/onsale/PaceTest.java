package dev.marquee.server.onsale;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PaceTest {

    private static final LineSettings SETTINGS = new LineSettings(Duration.ofSeconds(120), Duration.ofMillis(200),
            Duration.ofSeconds(60), 100, 5_000);

    @Test
    void aLineWithNoPaceYetStartsAtTheStartRate() {
        assertEquals(150, Pace.next(0, SETTINGS, false, 0));
        assertEquals(75, Pace.next(0, SETTINGS, true, 0));
    }

    @Test
    void growsByHalfWhileTheAdmittedFansAreServed() {
        assertEquals(600, Pace.next(400, SETTINGS, false, 400));
        assertEquals(5_000, Pace.next(4_000, SETTINGS, false, 0));
    }

    @Test
    void holdsWhileMoreThanASecondsAdmissionsAreUnused() {
        assertEquals(400, Pace.next(400, SETTINGS, false, 401));
    }

    @Test
    void pressureEasesThePaceByAQuarterDownToAQuarterOfTheStart() {
        assertEquals(750, Pace.next(1_000, SETTINGS, true, 0), 1e-9);
        double rate = 1_000;
        for (int round = 0; round < 5; round++) {
            rate = Pace.next(rate, SETTINGS, true, 300);
        }
        // Five rounds of pressure (a second) keep a quarter of the pace: halving left 31 of 1,000.
        assertEquals(237.3046875, rate, 1e-9);
        for (int round = 0; round < 100; round++) {
            rate = Pace.next(rate, SETTINGS, true, 300);
        }
        assertEquals(25, rate);
        assertEquals(25, Pace.floor(SETTINGS), "a round under pressure admits at this pace: 5 fans a round");
    }

    @Test
    void aRoundAdmitsItsShareWithinTheTicketsLeftAndThoseWaiting() {
        assertEquals(100, Pace.admitNow(500, SETTINGS.round(), 5_000, 0, 10_000));
        assertEquals(30, Pace.admitNow(500, SETTINGS.round(), 250, 220, 10_000));
        assertEquals(7, Pace.admitNow(500, SETTINGS.round(), 5_000, 0, 7));
        assertEquals(0, Pace.admitNow(500, SETTINGS.round(), 100, 120, 10_000));
    }
}
