package dev.marquee.server.booking;

import dev.marquee.server.observe.Metrics;
import java.util.concurrent.atomic.LongAdder;

/** Batches the lanes ran and the requests in them: their ratio is the mean batch size. */
record LaneCounters(LongAdder batches, LongAdder requests) {

    static LaneCounters registeredIn(Metrics metrics) {
        return new LaneCounters(
                metrics.counter("marquee_lane_batches_total", "Transactions the booking lanes ran.", ""),
                metrics.counter("marquee_lane_batched_requests_total", "Booking requests those transactions served.",
                        ""));
    }

    static LaneCounters unregistered() {
        return new LaneCounters(new LongAdder(), new LongAdder());
    }
}
