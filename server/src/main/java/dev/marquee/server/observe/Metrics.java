package dev.marquee.server.observe;

import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * The server's counters, histograms and gauges, served as Prometheus text at {@code /observe/metrics}. A metric is
 * named once with its help text; labelled series of it are made on first use.
 */
public final class Metrics {

    private record Family(String type, String help, Map<String, Object> series) {
    }

    private final Map<String, Family> families = new ConcurrentSkipListMap<>();

    /** A counter; {@code labels} is the Prometheus label text without braces, such as {@code outcome="ok"}. */
    public LongAdder counter(String name, String help, String labels) {
        return (LongAdder) family(name, "counter", help).series().computeIfAbsent(labels, any -> new LongAdder());
    }

    public Histogram histogram(String name, String help, String labels) {
        return (Histogram) family(name, "histogram", help).series().computeIfAbsent(labels, any -> new Histogram());
    }

    /** A value read when the metrics are scraped, such as a queue's length. */
    public void gauge(String name, String help, LongSupplier value) {
        gauge(name, help, "", value);
    }

    /** A labelled gauge, such as one show's line length; registering the same labels again replaces the value. */
    public void gauge(String name, String help, String labels, LongSupplier value) {
        family(name, "gauge", help).series().put(labels, value);
    }

    private Family family(String name, String type, String help) {
        Family family = families.computeIfAbsent(name,
                any -> new Family(type, help, new ConcurrentSkipListMap<>()));
        if (!family.type().equals(type)) {
            throw new IllegalArgumentException(name + " is a " + family.type() + ", not a " + type);
        }
        return family;
    }

    /** The Prometheus text exposition format, version 0.0.4. */
    public String render() {
        StringBuilder text = new StringBuilder();
        families.forEach((name, family) -> {
            text.append("# HELP ").append(name).append(' ').append(family.help()).append('\n');
            text.append("# TYPE ").append(name).append(' ').append(family.type()).append('\n');
            family.series().forEach((labels, series) -> PrometheusText.write(text, name, labels, series));
        });
        return text.toString();
    }
}
