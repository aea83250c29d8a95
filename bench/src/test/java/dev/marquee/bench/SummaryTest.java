package dev.marquee.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class SummaryTest {

    @Test
    void hasExactlyTheFieldsTheIssueFixes() {
        JsonNode summary = summary(Map.of(1000, latency(20)), List.of()).summary();
        assertEquals(List.of("hotTier", "spread", "latencyAt70pct", "overload", "push", "cpuMicrosPerBooking", "crash",
                "invariantsHeld"), names(summary));
        for (String comparison : List.of("hotTier", "spread")) {
            assertEquals(List.of("naive", "optimized", "ratio"), names(summary.get(comparison)));
            assertEquals(List.of("throughputPerSec", "p50Ms", "p99Ms", "p999Ms"),
                    names(summary.get(comparison).get("naive")));
        }
        assertEquals(List.of("offeredPerSec", "p99Ms", "p999Ms"), names(summary.get("latencyAt70pct").get("optimized")));
        assertEquals(List.of("offeredPerSec", "acceptedPerSec", "acceptedP99Ms", "rejectedP99Ms"),
                names(summary.get("overload")));
        assertEquals(List.of("bookingRatePerSec", "clients1000", "clients10000"), names(summary.get("push")));
        assertEquals(List.of("p50Ms", "p99Ms"), names(summary.get("push").get("clients1000")));
        assertEquals(List.of("naive", "optimized"), names(summary.get("cpuMicrosPerBooking")));
        assertEquals(List.of("committedOrdersLost", "stuckHolds"), names(summary.get("crash")));
    }

    @Test
    void comparesTheBestStepOfEachStrategy() {
        JsonNode summary = summary(Map.of(1000, latency(20)), List.of()).summary();
        assertEquals(1_000, summary.get("hotTier").get("naive").get("throughputPerSec").asDouble());
        assertEquals(4_000, summary.get("hotTier").get("optimized").get("throughputPerSec").asDouble());
        assertEquals(4.0, summary.get("hotTier").get("ratio").asDouble());
        assertEquals(20, summary.get("push").get("clients1000").get("p99Ms").asDouble(), 0.1);
    }

    @Test
    void leavesTenThousandClientsNullWhenNotMeasuredAndReportsBrokenInvariants() {
        JsonNode summary = summary(Map.of(1000, latency(20)), List.of("optimized hot: sold equals live tickets")).summary();
        assertTrue(summary.get("push").get("clients10000").isNull());
        assertEquals(false, summary.get("invariantsHeld").asBoolean());
    }

    private static Summary summary(Map<Integer, Histogram> pushes, List<String> broken) {
        StrategyRun naive = new StrategyRun("naive", List.of(step(500), step(1_000)), List.of(step(800)),
                List.of(step(20)), step(700), null, null);
        StrategyRun optimized = new StrategyRun("optimized", List.of(step(4_000), step(3_000)), List.of(step(9_000)),
                List.of(step(30)), step(2_800), step(4_100), new Pushes(2_000, pushes));
        return new Summary(naive, optimized, new Crash.Outcome(900, 0, 0, List.of()), broken);
    }

    /** A one-second step that confirmed {@code perSecond} bookings, each in 2 ms. */
    private static Scenarios.Measured step(int perSecond) {
        Histogram accepted = latency(2);
        for (int i = 1; i < perSecond; i++) {
            accepted.recordValue(2_000_000);
        }
        LoadResult result = new LoadResult(perSecond, 1, 1, 1, accepted, new Histogram(3), new Histogram(3),
                Map.of(201, (long) perSecond), new ArrayList<>());
        return new Scenarios.Measured(result, new CpuMeter.Sample(100_000, 50_000, 10_000));
    }

    private static Histogram latency(int millis) {
        Histogram histogram = new Histogram(3);
        histogram.recordValue(millis * 1_000_000L);
        return histogram;
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
