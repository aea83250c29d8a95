package dev.marquee.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A step's answers by the moment each request was due, in 50 ms windows: how many were due, how many refused and
 * the worst latency among them. When a step's p99 comes from a few stalled moments rather than from a steady
 * queue, the worst windows say when, to line up with what the database was waiting on at that moment.
 */
final class Timeline {

    static final long WINDOW_NANOS = 50_000_000;

    private final AtomicLongArray due;
    private final AtomicLongArray refused;
    private final AtomicLongArray worst;
    private volatile long startNanos = -1;
    private volatile Instant startedAt;

    /** Room for a step of {@code seconds}, plus the time its last answers take. */
    Timeline(double seconds) {
        int windows = (int) Math.ceil((seconds + 6) * 1e9 / WINDOW_NANOS);
        due = new AtomicLongArray(windows);
        refused = new AtomicLongArray(windows);
        worst = new AtomicLongArray(windows);
    }

    /** The step's schedule starts at {@code nanos}. */
    void begin(long nanos) {
        startNanos = nanos;
        startedAt = Instant.now().minusNanos(System.nanoTime() - nanos);
    }

    /** The wall-clock moment the step's schedule started, to find its windows in a log the server writes. */
    Instant startedAt() {
        return startedAt;
    }

    /** The window {@code nanos} falls in, or -1 before the step begins. */
    int window(long nanos) {
        long start = startNanos;
        if (start < 0) {
            return -1;
        }
        return (int) Math.min(due.length() - 1, Math.max(0, (nanos - start) / WINDOW_NANOS));
    }

    void record(long intendedNanos, long latencyNanos, boolean wasRefused) {
        int window = window(intendedNanos);
        due.incrementAndGet(window);
        if (wasRefused) {
            refused.incrementAndGet(window);
        }
        worst.accumulateAndGet(window, latencyNanos, Math::max);
    }

    /** One window: its start from the step's, requests due and refused in it, the worst latency among them. */
    record Window(int index, long offsetMillis, long due, long refused, double worstMillis) {
    }

    Window at(int index) {
        return new Window(index, index * WINDOW_NANOS / 1_000_000, due.get(index), refused.get(index),
                worst.get(index) / 1e6);
    }

    /** The {@code n} windows with the worst latency, worst first. */
    List<Window> worst(int n) {
        List<Window> all = new ArrayList<>();
        for (int i = 0; i < due.length(); i++) {
            all.add(at(i));
        }
        return all.stream().sorted(Comparator.comparingDouble(Window::worstMillis).reversed()).limit(n).toList();
    }

    /** Whole seconds of the step that had requests due, each summed from its windows. */
    List<Window> seconds() {
        int perSecond = (int) (1_000_000_000L / WINDOW_NANOS);
        List<Window> seconds = new ArrayList<>();
        for (int first = 0; first < due.length(); first += perSecond) {
            long dueSum = 0;
            long refusedSum = 0;
            double worstMillis = 0;
            for (int i = first; i < Math.min(due.length(), first + perSecond); i++) {
                dueSum += due.get(i);
                refusedSum += refused.get(i);
                worstMillis = Math.max(worstMillis, worst.get(i) / 1e6);
            }
            if (dueSum > 0) {
                seconds.add(new Window(first / perSecond, first * WINDOW_NANOS / 1_000_000, dueSum, refusedSum,
                        worstMillis));
            }
        }
        return seconds;
    }
}
