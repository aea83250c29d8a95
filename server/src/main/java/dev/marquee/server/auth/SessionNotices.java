package dev.marquee.server.auth;

import io.helidon.dbclient.DbExecute;

/** Sign-outs announced to every server instance, so each drops the ended session from its cache at once. */
public final class SessionNotices {

    /** The channel; the payload is the ended token's SHA-256 in hex. */
    public static final String CHANNEL = "marquee_sessions";

    private SessionNotices() {
    }

    /** Queues the announcement in {@code db}: it is delivered when, and only if, the sign-out commits. */
    public static void announceEnded(DbExecute db, String tokenDigest) {
        db.createNamedQuery("session-ended-notice").addParam("channel", CHANNEL).addParam("digest", tokenDigest)
                .execute().close();
    }
}
