package dev.marquee.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CpuMeterTest {

    // Fields 14 to 17 (utime 1234, stime 56, cutime 780, cstime 9) in clock ticks of 10 ms; the process name has
    // spaces and parentheses.
    private static final String STAT = "4242 (postgres: bench (x) idle) S 4100 4100 4100 0 -1 4194560 900 0 0 0 "
            + "1234 56 780 9 20 0 1 0 5000 170000000 3000 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0";

    @Test
    void addsUserAndSystemTicksAsMicroseconds() {
        assertEquals((1234 + 56) * 10_000L, CpuMeter.statMicros(STAT));
    }

    @Test
    void addsTheTimeOfChildrenThatExitedApart() {
        assertEquals((780 + 9) * 10_000L, CpuMeter.reapedChildrenMicros(STAT));
    }

    @Test
    void readsTheParentAfterANameWithSpacesAndParentheses() {
        assertEquals(4100, CpuMeter.parentOf(STAT));
    }

    @Test
    void subtractsAnEarlierSampleFieldByField() {
        CpuMeter.Sample used = new CpuMeter.Sample(500, 900, 70).minus(new CpuMeter.Sample(200, 400, 20));
        assertEquals(new CpuMeter.Sample(300, 500, 50), used);
    }
}
