package dev.marquee.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Push latency to 1,000 (and in full runs 10,000) subscribed clients while the optimized server books, after a
 * warm-up at the same rate with the clients subscribed; {@code bookingRatePerSec} is the lowest rate achieved while
 * any of them listened.
 */
record Pushes(double bookingRatePerSec, Map<Integer, Histogram> latencyByClients) {

    /**
     * The booking rate offered while pushing, whatever the maximum: the figure reported is what was achieved. The
     * pushes are to be timed while booking at 2,000/s or more, and a step offered exactly that achieves a little
     * less (its last answers arrive after it ends), so it offers a little more.
     */
    static final double RATE = 2100;

    static Pushes measure(Scenarios scenarios, Scenarios.Stage stage, Seed.Show show) throws Exception {
        Section.begin("pushes");
        Map<Integer, Histogram> latency = new LinkedHashMap<>();
        double achieved = Double.POSITIVE_INFINITY;
        for (int clients : scenarios.mode().pushClients()) {
            try (PushProbe probe = PushProbe.connect(scenarios.port(), show.id(), clients)) {
                System.out.printf("  %d clients subscribed%n", probe.connected());
                // The push path's code has not run before this scenario: warm it up as the booking path was, or the
                // step measures the JIT compiling it (C2 taking a share of a core, and the p99 with it).
                stage.warm(RATE, scenarios.mode().warmUpSeconds(), new Sales(stage.clerkToken,
                        Sales.targets(List.of(show)), "push-warm-" + clients + "-"));
                probe.record(true);
                Scenarios.Measured step = stage.step(RATE, scenarios.mode().pushSeconds(), new Sales(
                        stage.clerkToken, Sales.targets(List.of(show)), "push-" + clients + "-"));
                Thread.sleep(500);
                probe.record(false);
                achieved = Math.min(achieved, step.result().acceptedPerSec());
                latency.put(clients, probe.latency());
                System.out.printf("  push latency to %d clients: p50 %.1f ms p99 %.1f ms (%d messages)%n",
                        clients, LoadResult.millis(probe.latency(), 50), LoadResult.millis(probe.latency(), 99),
                        probe.latency().getTotalCount());
            }
        }
        return new Pushes(achieved, latency);
    }
}
