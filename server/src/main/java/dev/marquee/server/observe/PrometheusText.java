package dev.marquee.server.observe;

import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/** Writes one series in the Prometheus text format. */
final class PrometheusText {

    private PrometheusText() {
    }

    static void write(StringBuilder text, String name, String labels, Object series) {
        switch (series) {
            case LongAdder counter -> line(text, name, labels, Long.toString(counter.sum()));
            case LongSupplier gauge -> line(text, name, labels, Long.toString(gauge.getAsLong()));
            case Histogram histogram -> histogram(text, name, labels, histogram);
            default -> throw new IllegalStateException("Unknown series " + series.getClass());
        }
    }

    private static void histogram(StringBuilder text, String name, String labels, Histogram histogram) {
        long[] counts = histogram.cumulativeCounts();
        String prefix = labels.isEmpty() ? "" : labels + ",";
        for (int i = 0; i < counts.length; i++) {
            String bound = i < Histogram.BOUNDS.length ? number(Histogram.BOUNDS[i]) : "+Inf";
            line(text, name + "_bucket", prefix + "le=\"" + bound + "\"", Long.toString(counts[i]));
        }
        line(text, name + "_sum", labels, number(histogram.sumSeconds()));
        line(text, name + "_count", labels, Long.toString(counts[counts.length - 1]));
    }

    private static void line(StringBuilder text, String name, String labels, String value) {
        text.append(name);
        if (!labels.isEmpty()) {
            text.append('{').append(labels).append('}');
        }
        text.append(' ').append(value).append('\n');
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%s", value);
    }
}
