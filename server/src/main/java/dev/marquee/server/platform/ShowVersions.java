package dev.marquee.server.platform;

/**
 * Marks a change to a show's inventory. Every transaction that changes tiers, seats, prices or sales calls
 * {@link #bump} as its LAST statement: every booking of the show queues for this one row, so it is held only from
 * here to the commit. The global lock order is: hold or order row, tickets, tiers by id, seats by seat id, then
 * this bump; a transaction that follows it cannot deadlock with another that does.
 *
 * <p>The same statement queues a NOTIFY on {@value #CHANNEL}; PostgreSQL delivers it to every listening server
 * instance when, and only if, the transaction commits. The payload is {@code showId:version:epochMicros}.
 */
public final class ShowVersions {

    public static final String CHANNEL = "marquee_inventory";

    private ShowVersions() {
    }

    public static void bump(Tx tx, long showId) {
        if (tx.deferBump(showId)) {
            return;
        }
        tx.list("""
                WITH bumped AS (UPDATE shows SET version = version + 1 WHERE id = ? RETURNING id, version)
                SELECT pg_notify('%s', id || ':' || version || ':'
                                 || (extract(epoch FROM clock_timestamp()) * 1000000)::bigint)
                FROM bumped""".formatted(CHANNEL), row -> Boolean.TRUE, showId);
    }
}
