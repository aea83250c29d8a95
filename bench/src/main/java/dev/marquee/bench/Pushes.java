package dev.marquee.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** Push latency to 1,000 (and in full runs 10,000) subscribed clients while the optimized server books. */
record Pushes(double bookingRatePerSec, Map<Integer, Histogram> latencyByClients) {

    /** The booking rate asked for while pushing: 2,000/s, or 80 % of the maximum when that is lower. */
    static double rate(double max) {
        return Math.min(2000, 0.8 * max);
    }

    static Pushes measure(Scenarios scenarios, Scenarios.Stage stage, Seed.Show show, double max) throws Exception {
        System.out.println("== pushes");
        Map<Integer, Histogram> latency = new LinkedHashMap<>();
        double achieved = 0;
        for (int clients : scenarios.mode().pushClients()) {
            try (PushProbe probe = PushProbe.connect(scenarios.port(), show.id(), clients)) {
                System.out.printf("  %d clients subscribed%n", probe.connected());
                probe.record(true);
                Scenarios.Measured step = stage.step(rate(max), scenarios.mode().pushSeconds(), new Sales(
                        stage.clerkToken, Sales.targets(List.of(show)), "push-" + clients + "-"));
                Thread.sleep(500);
                probe.record(false);
                achieved = step.result().acceptedPerSec();
                latency.put(clients, probe.latency());
                System.out.printf("  push latency to %d clients: p50 %.1f ms p99 %.1f ms (%d messages)%n",
                        clients, LoadResult.millis(probe.latency(), 50), LoadResult.millis(probe.latency(), 99),
                        probe.latency().getTotalCount());
            }
        }
        return new Pushes(achieved, latency);
    }
}
