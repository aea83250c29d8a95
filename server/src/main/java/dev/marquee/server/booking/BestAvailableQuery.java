package dev.marquee.server.booking;

import dev.marquee.server.platform.Tx;
import java.util.List;

/** The SQL side of best available: candidate seats of a tier, and locking the chosen ones with SKIP LOCKED. */
final class BestAvailableQuery {

    private BestAvailableQuery() {
    }

    /** The tier's available seats with each row's centre (computed over the whole row, not just what is free). */
    static List<SeatPicker.Candidate> candidates(Tx tx, long showId, long tierId) {
        return tx.list("""
                WITH venue_rows AS (
                    SELECT vs.venue_id, vs.section, vs.row_no,
                           (min(vs.seat_no) + max(vs.seat_no)) / 2.0 AS centre,
                           min(min(vs.id)) OVER (PARTITION BY vs.section) AS section_order
                    FROM venue_seats vs JOIN shows s ON s.venue_id = vs.venue_id AND s.id = ?
                    GROUP BY vs.venue_id, vs.section, vs.row_no)
                SELECT ss.seat_id, vs.section, vs.row_no, vs.seat_no, r.centre, r.section_order
                FROM show_seats ss
                JOIN venue_seats vs ON vs.id = ss.seat_id
                JOIN venue_rows r ON r.venue_id = vs.venue_id AND r.section = vs.section AND r.row_no = vs.row_no
                WHERE ss.show_id = ? AND ss.tier_id = ? AND ss.status = 'AVAILABLE'""",
                row -> new SeatPicker.Candidate(row.getLong("seat_id"), row.getString("section"),
                        row.getLong("section_order"), row.getInt("row_no"), row.getInt("seat_no"),
                        row.getDouble("centre")),
                showId, showId, tierId);
    }

    /** Locks the chosen seats, skipping any another transaction holds, and keeps only those still available. */
    static List<Stock.Seat> lockIfStillAvailable(Tx tx, long showId, List<Long> seatIds) {
        return tx.list("""
                SELECT ss.seat_id, ss.tier_id, vs.label, ss.status
                FROM show_seats ss JOIN venue_seats vs ON vs.id = ss.seat_id
                WHERE ss.show_id = ? AND ss.seat_id = ANY(?) AND ss.status = 'AVAILABLE'
                ORDER BY ss.seat_id FOR UPDATE OF ss SKIP LOCKED""",
                row -> new Stock.Seat(row.getLong("seat_id"), Tx.nullableLong(row, "tier_id"), row.getString("label"),
                        row.getString("status")),
                showId, tx.bigints(seatIds));
    }
}
