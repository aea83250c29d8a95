package dev.marquee.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RateScheduleTest {

    @Test
    void offersRateTimesDurationRequests() {
        assertEquals(3_000, new RateSchedule(0, 1_000, 3).count());
        assertEquals(18_873, new RateSchedule(0, 6_291, 3).count());
    }

    @Test
    void spacesRequestsEvenlyFromTheStart() {
        RateSchedule schedule = new RateSchedule(1_000, 4, 10);
        assertEquals(1_000, schedule.intendedNanos(0));
        assertEquals(1_000 + 250_000_000, schedule.intendedNanos(1));
        assertEquals(1_000 + 2_500_000_000L, schedule.intendedNanos(10));
    }

    @Test
    void doesNotDriftAtRatesWhoseIntervalIsNotWholeNanoseconds() {
        RateSchedule schedule = new RateSchedule(0, 6_291, 60);
        long last = schedule.count() - 1;
        // A truncated fixed interval would be 0.6 ms early by the end of a minute; the schedule stays within 1 ns.
        assertEquals(last * 1e9 / 6_291, schedule.intendedNanos(last), 1);
    }

    @Test
    void refusesARateOrDurationThatIsNotPositive() {
        assertThrows(IllegalArgumentException.class, () -> new RateSchedule(0, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new RateSchedule(0, 100, -1));
    }
}
