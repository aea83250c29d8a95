package dev.marquee.server.onsale;

import dev.marquee.server.observe.Meters;
import io.helidon.metrics.api.Counter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The waiting room's metrics: places made, fans admitted, admissions that expired unused, and each show's line
 * length as this instance last saw it in a round.
 */
public final class LineCounters {

    private final Meters meters;
    private final Counter joins;
    private final Counter admissions;
    private final Counter expiries;
    private final Map<Long, Long> waiting = new ConcurrentHashMap<>();

    private LineCounters(Meters meters) {
        this.meters = meters;
        joins = meters.counter("marquee_line_joins_total", "Places taken in shows' waiting lines.");
        admissions = meters.counter("marquee_line_admissions_total", "Fans admitted from shows' waiting lines.");
        expiries = meters.counter("marquee_line_expiries_total", "Admissions that passed unused.");
    }

    public static LineCounters registeredIn(Meters meters) {
        return new LineCounters(meters);
    }

    Counter joins() {
        return joins;
    }

    Counter admissions() {
        return admissions;
    }

    Counter expiries() {
        return expiries;
    }

    /** The show's line length after a round; the first time a show is seen its gauge is registered. */
    void waiting(long showId, long length) {
        if (waiting.put(showId, length) == null) {
            meters.gauge("marquee_line_waiting", "Fans waiting in a show's line, as of this instance's last round.",
                    () -> waiting.getOrDefault(showId, 0L), "show", Long.toString(showId));
        }
    }
}
