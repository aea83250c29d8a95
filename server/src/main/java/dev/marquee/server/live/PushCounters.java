package dev.marquee.server.live;

import dev.marquee.server.observe.Meters;
import io.helidon.metrics.api.Counter;

/**
 * Availability messages written to clients, and those never written: folded into a newer state of the same show
 * while the client was still busy with the last one, or lost with a connection that failed mid-send.
 */
public record PushCounters(Counter sent, Counter coalesced, Counter failed) {

    public static PushCounters registeredIn(Meters meters) {
        String dropped = "Availability messages not written to a client, by reason.";
        return new PushCounters(
                meters.counter("marquee_pushes_sent_total", "Live messages (availability and errors) written to clients."),
                meters.counter("marquee_pushes_dropped_total", dropped, "reason", "coalesced"),
                meters.counter("marquee_pushes_dropped_total", dropped, "reason", "send_failed"));
    }
}
