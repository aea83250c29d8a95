package dev.marquee.server.observe;

import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.Gauge;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Metrics;
import io.helidon.metrics.api.Tag;
import io.helidon.metrics.api.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The server's meters, in Helidon's meter registry (Micrometer underneath), which Helidon's metrics observer serves
 * as Prometheus text at {@code /observe/metrics} on the management port. Names are written as they are scraped
 * ({@code marquee_bookings_total}); Micrometer's Prometheus naming keeps them, and Helidon adds its
 * {@code scope="application"} label. Every timer has the same fixed buckets, so the histograms of different
 * releases compare.
 *
 * <p>Helidon keeps one registry per process. A server in production is alone in its JVM; the tests start server
 * after server in one JVM, so a gauge reads whatever the latest server to register it gave (not the first one,
 * long stopped), and counters run on across servers (tests read their differences).
 */
public final class Meters {

    /** Upper bounds of every timer's buckets: 0.5 ms to 10 s, roughly doubling. */
    static final List<Duration> BUCKETS = List.of(Duration.ofNanos(500_000), Duration.ofMillis(1),
            Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofMillis(2_500), Duration.ofSeconds(5), Duration.ofSeconds(10));

    /** Each gauge's current source, by name and labels: the gauge registered once reads through it. */
    private static final Map<String, LongSupplier> GAUGE_SOURCES = new ConcurrentHashMap<>();

    private final MeterRegistry registry;

    private Meters(MeterRegistry registry) {
        this.registry = registry;
    }

    /** The process's registry, the one Helidon's metrics observer serves. */
    public static Meters create() {
        return new Meters(Metrics.globalRegistry());
    }

    /** A counter; {@code labels} are name and value pairs, such as {@code "outcome", "ok"}. */
    public Counter counter(String name, String help, String... labels) {
        return registry.getOrCreate(Counter.builder(name).description(help).tags(tags(labels)));
    }

    /** A timer with the fixed buckets, served as a Prometheus histogram in seconds. */
    public Timer timer(String name, String help, String... labels) {
        return registry.getOrCreate(Timer.builder(name).description(help).tags(tags(labels))
                .buckets(BUCKETS.toArray(Duration[]::new)).percentiles(new double[0]));
    }

    /** A value read when the metrics are scraped, such as a queue's length; the latest source given wins. */
    public void gauge(String name, String help, LongSupplier value, String... labels) {
        String key = name + String.join("\u0000", labels);
        GAUGE_SOURCES.put(key, value);
        registry.getOrCreate(Gauge.builder(name, () -> (double) GAUGE_SOURCES.get(key).getAsLong())
                .description(help).tags(tags(labels)));
    }

    private static List<Tag> tags(String... labels) {
        if (labels.length % 2 != 0) {
            throw new IllegalArgumentException("Labels come in name and value pairs");
        }
        Tag[] tags = new Tag[labels.length / 2];
        for (int i = 0; i < tags.length; i++) {
            tags[i] = Tag.create(labels[2 * i], labels[2 * i + 1]);
        }
        return List.of(tags);
    }
}
