package dev.marquee.server.booking;

import dev.marquee.server.platform.Tx;
import java.util.List;
import java.util.Optional;

/** The SQL side of best available: candidate seats of a tier, and locking the chosen ones with SKIP LOCKED. */
final class BestAvailableQuery {

    private BestAvailableQuery() {
    }

    /** How many row numbers' seats are read at a time: the best block is almost always in the first few. */
    private static final int ROWS_PER_READ = 3;

    /**
     * The best block of {@code quantity} adjacent available seats of the tier. As the nearest row always wins, it
     * reads only rows with enough free seats, nearest first, a few row numbers at a time, and stops at the first
     * read that holds a block: the same answer as reading every seat, for a fraction of the work in a big hall.
     */
    static Optional<List<SeatPicker.Candidate>> bestBlock(Tx tx, long showId, long tierId, int quantity) {
        List<Integer> rows = rowsWithRoom(tx, showId, tierId, quantity);
        for (int first = 0; first < rows.size(); first += ROWS_PER_READ) {
            List<Integer> some = rows.subList(first, Math.min(rows.size(), first + ROWS_PER_READ));
            Optional<List<SeatPicker.Candidate>> block =
                    SeatPicker.pick(candidates(tx, showId, tierId, some), quantity);
            if (block.isPresent()) {
                return block;
            }
        }
        return Optional.empty();
    }

    /** Row numbers, nearest first, where some section's row has at least {@code quantity} seats free in the tier. */
    private static List<Integer> rowsWithRoom(Tx tx, long showId, long tierId, int quantity) {
        return tx.list("""
                SELECT DISTINCT row_no FROM (
                    SELECT vs.section, vs.row_no FROM show_seats ss JOIN venue_seats vs ON vs.id = ss.seat_id
                    WHERE ss.show_id = ? AND ss.tier_id = ? AND ss.status = 'AVAILABLE'
                    GROUP BY vs.section, vs.row_no HAVING count(*) >= ?) AS roomy
                ORDER BY row_no""", row -> row.getInt("row_no"), showId, tierId, quantity);
    }

    /** The tier's available seats in the given row numbers, with each row's centre (over the whole row). */
    private static List<SeatPicker.Candidate> candidates(Tx tx, long showId, long tierId, List<Integer> rowNumbers) {
        return tx.list("""
                WITH venue AS (SELECT venue_id FROM shows WHERE id = ?),
                sections AS (
                    SELECT vs.section, min(vs.id) AS section_order
                    FROM venue_seats vs JOIN venue v ON v.venue_id = vs.venue_id GROUP BY vs.section),
                venue_rows AS (
                    SELECT vs.section, vs.row_no, (min(vs.seat_no) + max(vs.seat_no)) / 2.0 AS centre
                    FROM venue_seats vs JOIN venue v ON v.venue_id = vs.venue_id
                    WHERE vs.row_no = ANY(?) GROUP BY vs.section, vs.row_no)
                SELECT ss.seat_id, vs.section, vs.row_no, vs.seat_no, r.centre, sc.section_order
                FROM show_seats ss
                JOIN venue_seats vs ON vs.id = ss.seat_id
                JOIN venue_rows r ON r.section = vs.section AND r.row_no = vs.row_no
                JOIN sections sc ON sc.section = vs.section
                WHERE ss.show_id = ? AND ss.tier_id = ? AND ss.status = 'AVAILABLE' AND vs.row_no = ANY(?)""",
                row -> new SeatPicker.Candidate(row.getLong("seat_id"), row.getString("section"),
                        row.getLong("section_order"), row.getInt("row_no"), row.getInt("seat_no"),
                        row.getDouble("centre")),
                showId, tx.ints(rowNumbers), showId, tierId, tx.ints(rowNumbers));
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
