package dev.marquee.server.booking.lanes;

import dev.marquee.server.observe.Meters;
import io.helidon.metrics.api.Counter;

/** Batches the lanes ran and the requests in them: their ratio is the mean batch size. */
record LaneCounters(Counter batches, Counter requests) {

    static LaneCounters registeredIn(Meters meters) {
        return new LaneCounters(
                meters.counter("marquee_lane_batches_total", "Transactions the booking lanes ran."),
                meters.counter("marquee_lane_batched_requests_total", "Booking requests those transactions served."));
    }
}
