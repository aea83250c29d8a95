package dev.marquee.server.live;

import dev.marquee.server.observe.Metrics;
import java.util.concurrent.atomic.LongAdder;

/**
 * Availability messages written to clients, and those never written: folded into a newer state of the same show
 * while the client was still busy with the last one, or lost with a connection that failed mid-send.
 */
public record PushCounters(LongAdder sent, LongAdder coalesced, LongAdder failed) {

    public static PushCounters registeredIn(Metrics metrics) {
        String dropped = "Availability messages not written to a client, by reason.";
        return new PushCounters(
                metrics.counter("marquee_pushes_sent_total", "Live messages (availability and errors) written to clients.", ""),
                metrics.counter("marquee_pushes_dropped_total", dropped, "reason=\"coalesced\""),
                metrics.counter("marquee_pushes_dropped_total", dropped, "reason=\"send_failed\""));
    }
}
