package dev.marquee.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * What one step of {@link OpenLoad} heard, recorded by its event loop alone: each answer's latency from the moment
 * its request was due, by outcome (accepted, refused with 429, or failed, a failure counting no less than the 5 s
 * it was given), the statuses, the step's {@link Timeline} and, when asked, the confirmed orders' ids.
 */
final class LoadStep {

    private static final long FAILED_AT_LEAST_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final long HIGHEST_NANOS = TimeUnit.SECONDS.toNanos(60);

    private final Timeline timeline;
    private final boolean keepsAcceptedIds;
    private final Histogram accepted = histogram();
    private final Histogram refused = histogram();
    private final Histogram failed = histogram();
    private final Map<Integer, Long> statuses = new HashMap<>();
    private final List<String> acceptedIds = new ArrayList<>();

    LoadStep(Timeline timeline, boolean keepsAcceptedIds) {
        this.timeline = timeline;
        this.keepsAcceptedIds = keepsAcceptedIds;
    }

    /** Notes the end of {@code pending} at {@code nowNanos}: status -1 when it failed without an answer. */
    void record(LoadConnection.Pending pending, int status, byte[] body, long nowNanos) {
        // Beyond the histograms' range a latency counts as their longest: the step goes on and says it was that slow.
        long latency = Math.min(HIGHEST_NANOS, Math.max(1, nowNanos - pending.intendedNanos()));
        if (timeline != null) {
            timeline.record(pending.intendedNanos(), latency, status == 429);
        }
        statuses.merge(status, 1L, Long::sum);
        if (status == 200 || status == 201) {
            accepted.recordValue(latency);
            if (keepsAcceptedIds) {
                acceptedIds.add(OpenLoad.idOf(body));
            }
        } else if (status == 429) {
            refused.recordValue(latency);
        } else {
            failed.recordValue(status == -1 ? Math.max(latency, FAILED_AT_LEAST_NANOS) : latency);
        }
    }

    LoadResult result(double rate, double seconds, double offeredSeconds, double elapsedSeconds) {
        return new LoadResult(rate, seconds, offeredSeconds, elapsedSeconds, accepted, refused, failed,
                Map.copyOf(statuses), List.copyOf(acceptedIds));
    }

    private static Histogram histogram() {
        return new Histogram(HIGHEST_NANOS, 3);
    }
}
