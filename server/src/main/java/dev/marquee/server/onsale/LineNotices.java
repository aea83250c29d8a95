package dev.marquee.server.onsale;

import dev.marquee.server.platform.Tx;

/**
 * A show's line moved (places joined, admitted, expired, told sold out; the line engaged or disengaged; its settings
 * changed). Announced to every server instance, which refresh what they know of the line and push a {@code queue}
 * message to the show's subscribers.
 */
public final class LineNotices {

    /** The channel; the payload is the show id. */
    public static final String CHANNEL = "marquee_line";

    private LineNotices() {
    }

    /** Queues the announcement in {@code tx}: delivered when, and only if, it commits. */
    public static void announce(Tx tx, long showId) {
        tx.list("SELECT pg_notify('" + CHANNEL + "', ?)", row -> null, Long.toString(showId));
    }
}
