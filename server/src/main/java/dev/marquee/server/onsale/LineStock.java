package dev.marquee.server.onsale;

import dev.marquee.server.platform.Tx;

/** What a show has left, as the line judges it: tickets on sale now, and tickets in fans' baskets (held). */
record LineStock(long tiers, long available, long held) {

    /** Nothing to sell and nothing held that could come back. */
    boolean soldOut() {
        return tiers > 0 && available == 0 && held == 0;
    }

    /** Nothing on sale, but held tickets may still come back. */
    boolean onlyHeldLeft() {
        return available == 0 && held > 0;
    }

    /** Read without locking: the line only paces by it; the bookings themselves lock and check. */
    static LineStock of(Tx tx, long showId) {
        return tx.one("""
                SELECT count(*) AS tiers, coalesce(sum(capacity - held - sold), 0) AS available,
                       coalesce(sum(held), 0) AS held
                FROM tiers WHERE show_id = ?""",
                row -> new LineStock(row.getLong("tiers"), row.getLong("available"), row.getLong("held")), showId);
    }
}
