package dev.marquee.server.observe;

import java.util.concurrent.atomic.LongAdder;

/** Durations counted into fixed buckets, cheap to record from many threads at once. */
public final class Histogram {

    /** Upper bounds in seconds: 0.5 ms to 10 s, roughly doubling. */
    static final double[] BOUNDS = {0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    private final LongAdder[] buckets = new LongAdder[BOUNDS.length + 1];
    private final LongAdder sumNanos = new LongAdder();

    Histogram() {
        for (int i = 0; i < buckets.length; i++) {
            buckets[i] = new LongAdder();
        }
    }

    public void recordNanos(long nanos) {
        double seconds = nanos / 1e9;
        int bucket = 0;
        while (bucket < BOUNDS.length && seconds > BOUNDS[bucket]) {
            bucket++;
        }
        buckets[bucket].increment();
        sumNanos.add(nanos);
    }

    /** Cumulative counts per bound, the last one being +Inf, as Prometheus wants them. */
    long[] cumulativeCounts() {
        long[] counts = new long[buckets.length];
        long running = 0;
        for (int i = 0; i < buckets.length; i++) {
            running += buckets[i].sum();
            counts[i] = running;
        }
        return counts;
    }

    double sumSeconds() {
        return sumNanos.sum() / 1e9;
    }
}
