package dev.marquee.server.platform;

/**
 * Marks a change to a show's inventory. Every transaction that changes tiers, seats, prices or sales calls
 * {@link #bump} as its LAST statement: every booking of the show queues for this one row, so it is held only from
 * here to the commit. The global lock order is: hold or order row, tickets, tiers by id, seats by seat id, then
 * this bump; a transaction that follows it cannot deadlock with another that does.
 */
public final class ShowVersions {

    private ShowVersions() {
    }

    public static void bump(Tx tx, long showId) {
        tx.update("UPDATE shows SET version = version + 1 WHERE id = ?", showId);
    }
}
