package dev.marquee.server.onsale;

import dev.marquee.server.observe.Metrics;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The waiting room's metrics: places made, fans admitted, admissions that expired unused, and each show's line
 * length as this instance last saw it in a round.
 */
public final class LineCounters {

    private final Metrics metrics;
    private final LongAdder joins;
    private final LongAdder admissions;
    private final LongAdder expiries;
    private final Map<Long, Long> waiting = new ConcurrentHashMap<>();

    private LineCounters(Metrics metrics) {
        this.metrics = metrics;
        joins = metrics.counter("marquee_line_joins_total", "Places taken in shows' waiting lines.", "");
        admissions = metrics.counter("marquee_line_admissions_total", "Fans admitted from shows' waiting lines.", "");
        expiries = metrics.counter("marquee_line_expiries_total", "Admissions that passed unused.", "");
    }

    public static LineCounters registeredIn(Metrics metrics) {
        return new LineCounters(metrics);
    }

    LongAdder joins() {
        return joins;
    }

    LongAdder admissions() {
        return admissions;
    }

    LongAdder expiries() {
        return expiries;
    }

    /** The show's line length after a round; the first time a show is seen its gauge is registered. */
    void waiting(long showId, long length) {
        if (waiting.put(showId, length) == null) {
            metrics.gauge("marquee_line_waiting", "Fans waiting in a show's line, as of this instance's last round.",
                    "show=\"" + showId + "\"", () -> waiting.getOrDefault(showId, 0L));
        }
    }
}
