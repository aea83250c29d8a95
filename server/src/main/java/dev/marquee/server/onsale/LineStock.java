package dev.marquee.server.onsale;

import dev.marquee.server.db.Row;
import dev.marquee.server.db.Tx;
import io.helidon.dbclient.DbExecute;

/**
 * What a show has left, as the line judges it: tickets on sale now, tickets in fans' baskets (held), and (for a
 * round) the admissions not used yet.
 */
record LineStock(long tiers, long available, long held, long admittedNotHolding) {

    /** Nothing to sell and nothing held that could come back. */
    boolean soldOut() {
        return tiers > 0 && available == 0 && held == 0;
    }

    /** Nothing on sale, but held tickets may still come back. */
    boolean onlyHeldLeft() {
        return available == 0 && held > 0;
    }

    /** Read without locking: the line only paces by it; the bookings themselves lock and check. */
    static LineStock of(DbExecute db, long showId) {
        return db.createNamedGet("line-stock").addParam("showId", showId).execute().map(Row::of)
                .map(LineStock::row).orElseThrow();
    }

    /**
     * The stock and the admissions not used yet, in one statement and so one snapshot: a hold that commits between
     * two reads would be counted in neither (its tickets already gone from what is available, its admission already
     * used), and the round would admit one fan more than the tickets left could serve.
     */
    static LineStock withAdmissions(Tx tx, long showId) {
        return tx.one("""
                SELECT count(*) AS tiers, coalesce(sum(capacity - held - sold), 0) AS available,
                       coalesce(sum(held), 0) AS held,
                       (SELECT count(*) FROM queue_places
                        WHERE show_id = ? AND state = 'ADMITTED' AND used_at IS NULL AND admitted_until > now())
                           AS admitted_not_holding
                FROM tiers WHERE show_id = ?""", row -> row(Row.of(row)), showId, showId);
    }

    private static LineStock row(Row row) {
        return new LineStock(row.number("tiers"), row.number("available"), row.number("held"),
                row.number("admitted_not_holding"));
    }
}
