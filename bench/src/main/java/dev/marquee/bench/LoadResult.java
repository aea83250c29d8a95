package dev.marquee.bench;

import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * What one load step did: accepted (2xx), refused (429) and failed (anything else, timeouts included); the accepted
 * orders' ids only from a generator {@linkplain OpenLoad#keepingAcceptedIds keeping them}, otherwise none.
 */
record LoadResult(double offeredPerSec, double plannedSeconds, double offeredSeconds, double elapsedSeconds,
                  Histogram accepted,
                  Histogram refused, Histogram failed, Map<Integer, Long> statuses, List<String> acceptedIds) {

    /** Confirmed bookings per second, over the time until the last answer (a backlog does not inflate it). */
    double acceptedPerSec() {
        return accepted.getTotalCount() / Math.max(plannedSeconds, elapsedSeconds);
    }

    static double millis(Histogram histogram, double percentile) {
        return histogram.getTotalCount() == 0 ? 0 : histogram.getValueAtPercentile(percentile) / 1e6;
    }

    /** True when the generator kept its schedule: it offered the load within 5 % of the planned time. */
    boolean generatorKeptUp() {
        return offeredSeconds <= plannedSeconds * 1.05 + 0.05;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT,
                "offered %.0f/s accepted %.0f/s p50 %.1f ms p99 %.1f ms p99.9 %.1f ms refused %d failed %d %s",
                offeredPerSec, acceptedPerSec(), millis(accepted, 50), millis(accepted, 99), millis(accepted, 99.9),
                refused.getTotalCount(), failed.getTotalCount(), statuses);
    }
}
