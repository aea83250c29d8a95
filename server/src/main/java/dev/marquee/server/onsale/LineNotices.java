package dev.marquee.server.onsale;

import dev.marquee.server.db.Pipeline;
import dev.marquee.server.db.Tx;

/**
 * A show's line moved (places joined, admitted, expired, told sold out; the line engaged or disengaged; its settings
 * changed). Announced to every server instance, which refresh what they know of the line and push a {@code queue}
 * message to the show's subscribers.
 */
public final class LineNotices {

    /**
     * The channel; the payload is {@code showId:epochMicros}, the moment the move was made (before its commit), with
     * {@code :now} after it for news that should not wait for the line's next message (the show sold out).
     */
    public static final String CHANNEL = "marquee_line";

    private LineNotices() {
    }

    /** Queues the announcement in {@code tx}: delivered when, and only if, it commits. */
    public static void announce(Tx tx, long showId) {
        Pipeline announcing = tx.pipeline();
        addAnnounce(announcing, showId);
        announcing.run();
    }

    /** As {@link #announce}, for news every subscriber should hear at once rather than at the line's pace. */
    public static void announceAtOnce(Tx tx, long showId) {
        Pipeline announcing = tx.pipeline();
        add(announcing, showId, ":now");
        announcing.run();
    }

    /** Adds the statement that queues the announcement. */
    static void addAnnounce(Pipeline pipeline, long showId) {
        add(pipeline, showId, "");
    }

    private static void add(Pipeline pipeline, long showId, String suffix) {
        pipeline.add("SELECT pg_notify('" + CHANNEL + "', ? || ':' || (extract(epoch FROM clock_timestamp()) * 1000000)"
                + "::bigint || ?)", Long.toString(showId), suffix);
    }
}
