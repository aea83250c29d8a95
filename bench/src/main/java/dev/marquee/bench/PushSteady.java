package dev.marquee.bench;

import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * {@code bench/run quick push CLIENTS [SECONDS]}: for working on the push path, not for quoting. One optimized server,
 * warmed up at the push scenario's booking rate, then pairs of hot-tier steps at that rate on new shows, one with
 * nobody watching and one with {@code CLIENTS} WebSocket clients subscribed to the show being sold
 * ({@code MARQUEE_BENCH_STEPS} pairs, default 2). For each step: the bookings, the push latency, the messages sent,
 * and the CPU of the server (by kind of thread), the database and this process (the generator and the probe), so
 * what the pushes cost shows as the difference within a pair.
 */
final class PushSteady {

    private static final double WARM_SECONDS = 45;

    private PushSteady() {
    }

    static void run(Scenarios scenarios, int clients, double seconds) throws Exception {
        int pairs = Integer.parseInt(System.getenv().getOrDefault("MARQUEE_BENCH_STEPS", "2"));
        try (Scenarios.Stage stage = scenarios.stage("optimized", "optimized")) {
            Sales warmUp = new Sales(stage.clerkToken, Sales.targets(StrategyRun.hotShow(stage)), "push-warm-");
            stage.warmUp(600, warmUp);
            stage.warm(Pushes.RATE, WARM_SECONDS, warmUp);
            for (int pair = 0; pair < pairs; pair++) {
                step(scenarios, stage, 0, seconds, "push-" + pair + "-alone-");
                step(scenarios, stage, clients, seconds, "push-" + pair + "-watched-");
            }
        }
    }

    private static void printThreads(String whose, Map<String, Long> threads, double seconds) {
        System.out.print("  " + whose + " threads, cores:");
        threads.entrySet().stream().filter(kind -> kind.getValue() >= seconds * 10_000)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(kind -> System.out.printf(" %s %.2f;", kind.getKey(), kind.getValue() / 1e6 / seconds));
        System.out.println();
    }

    private static void step(Scenarios scenarios, Scenarios.Stage stage, int clients, double seconds, String keys)
            throws Exception {
        List<Seed.Show> show = StrategyRun.hotShow(stage);
        PushProbe probe = clients == 0 ? null : PushProbe.connect(scenarios.port(), show.getFirst().id(), clients);
        try {
            if (probe != null) {
                probe.record(true);
            }
            double sentBefore = Steady.counter(Steady.metrics(scenarios.managementPort()), "marquee_pushes_sent_total");
            Map<String, Long> threadsBefore = CpuMeter.byThreadKind(stage.server.pid());
            Map<String, Long> ownBefore = CpuMeter.byThreadKind(ProcessHandle.current().pid());
            Scenarios.Measured step = stage.step(Pushes.RATE, seconds,
                    new Sales(stage.clerkToken, Sales.targets(show), keys));
            Map<String, Long> threads = CpuMeter.minus(CpuMeter.byThreadKind(stage.server.pid()), threadsBefore);
            Map<String, Long> own = CpuMeter.minus(CpuMeter.byThreadKind(ProcessHandle.current().pid()), ownBefore);
            double sent = Steady.counter(Steady.metrics(scenarios.managementPort()), "marquee_pushes_sent_total") - sentBefore;
            System.out.printf("%s, %d clients: cores used server %.2f, database %.2f, this process %.2f; "
                            + "%.0f messages sent a second%n", keys, clients,
                    step.cpu().serverMicros() / 1e6 / seconds, step.cpu().databaseMicros() / 1e6 / seconds,
                    step.cpu().generatorMicros() / 1e6 / seconds, sent / seconds);
            printThreads("server", threads, seconds);
            printThreads("this process's", own, seconds);
            if (probe != null) {
                Histogram latency = probe.latency();
                System.out.printf("  push latency: p50 %.1f ms, p90 %.1f, p99 %.1f, max %.1f (%d messages timed)%n",
                        LoadResult.millis(latency, 50), LoadResult.millis(latency, 90),
                        LoadResult.millis(latency, 99), latency.getMaxValue() / 1e6, latency.getTotalCount());
                PushProbe.Split split = probe.split();
                System.out.printf("  per message: commit to first client p50 %.1f ms, p99 %.1f; first to last client "
                                + "p50 %.1f ms, p99 %.1f%n", LoadResult.millis(split.commitToFirst(), 50),
                        LoadResult.millis(split.commitToFirst(), 99), LoadResult.millis(split.firstToLast(), 50),
                        LoadResult.millis(split.firstToLast(), 99));
            }
        } finally {
            if (probe != null) {
                probe.close();
            }
        }
    }
}
