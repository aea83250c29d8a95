package dev.marquee.server.booking.stock;

import dev.marquee.server.db.Tx;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The SQL side of best available: a tier's free seats nearest the stage first, and locking the chosen ones. */
final class BestAvailableQuery {

    /** Free seats read by the first statement of a pick; each further one reads twice as many, up to the last. */
    static final int FIRST_READ = 64;
    private static final int LARGEST_READ = 1024;

    /**
     * The tier's next free seats in row then seat id order, after a given (row, seat): a range of the partial index
     * show_seats_best_available, read in its order and cut by the limit, so the plan needs no statistics.
     */
    static final String FREE_SEATS = """
            SELECT row_no, seat_id FROM show_seats
            WHERE show_id = ? AND tier_id = ? AND status = 'AVAILABLE' AND (row_no, seat_id) > (?, ?)
            ORDER BY row_no, seat_id LIMIT ?""";

    /** A free seat of the tier, in the order the index holds them. */
    private record FreeSeat(int row, long seatId) {
    }

    private BestAvailableQuery() {
    }

    /**
     * The best block of {@code quantity} adjacent available seats of the tier: the same answer as
     * {@link SeatPicker#pick} over every free seat of the tier. As the nearest row number always wins, it reads the
     * free seats in row order, a bounded number at a time, hands each row number to the picker once all its seats
     * are read, and stops at the first that holds a block; each read goes on after the last seat of the one before.
     */
    static Optional<List<SeatPicker.Candidate>> bestBlock(Tx tx, VenueLayout layout, long showId, long tierId,
                                                          int quantity) {
        return bestBlock(tx, layout, showId, tierId, quantity, FIRST_READ);
    }

    /** As above, reading {@code firstRead} seats first: small reads cut rows often, which tests need. */
    static Optional<List<SeatPicker.Candidate>> bestBlock(Tx tx, VenueLayout layout, long showId, long tierId,
                                                          int quantity, int firstRead) {
        List<SeatPicker.Candidate> rowSeats = new ArrayList<>();
        FreeSeat after = new FreeSeat(0, 0);
        for (int limit = firstRead; ; limit = Math.min(2 * limit, LARGEST_READ)) {
            List<FreeSeat> read = freeSeats(tx, showId, tierId, after, limit);
            for (FreeSeat seat : read) {
                if (seat.row() != after.row() && !rowSeats.isEmpty()) {
                    // Every free seat of the row before is read: a block there beats any further back.
                    Optional<List<SeatPicker.Candidate>> block = SeatPicker.pick(rowSeats, quantity);
                    if (block.isPresent()) {
                        return block;
                    }
                    rowSeats.clear();
                }
                rowSeats.add(layout.candidate(seat.seatId()));
                after = seat;
            }
            if (read.size() < limit) {
                return SeatPicker.pick(rowSeats, quantity);
            }
        }
    }

    private static List<FreeSeat> freeSeats(Tx tx, long showId, long tierId, FreeSeat after, int limit) {
        return tx.list(FREE_SEATS, row -> new FreeSeat(row.getInt("row_no"), row.getLong("seat_id")),
                showId, tierId, after.row(), after.seatId(), limit);
    }
}
