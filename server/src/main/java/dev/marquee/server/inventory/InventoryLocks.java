package dev.marquee.server.inventory;

import dev.marquee.model.catalog.SeatStatus;
import dev.marquee.server.db.Tx;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The global lock order every inventory transaction follows, booking included: tiers by id, then show seats by
 * seat id, and the show row last (the version bump). With one order no two transactions can wait on each other.
 */
final class InventoryLocks {

    /** A show seat as it stands once locked. */
    record LockedSeat(long seatId, Long tierId, SeatStatus status) {
    }

    private InventoryLocks() {
    }

    /** Locks the given tiers in id order; answers the ids that exist. */
    static List<Long> tiers(Tx tx, Collection<Long> tierIds) {
        return tx.list("SELECT id FROM tiers WHERE id = ANY(?) ORDER BY id FOR UPDATE",
                row -> row.getLong("id"), tx.bigints(tierIds));
    }

    /** Locks the given seats of the show in seat id order; any id that is not a seat of the show answers 400. */
    static List<LockedSeat> seats(Tx tx, long showId, Collection<Long> seatIds) {
        List<LockedSeat> seats = tx.list("""
                SELECT seat_id, tier_id, status FROM show_seats
                WHERE show_id = ? AND seat_id = ANY(?) ORDER BY seat_id FOR UPDATE""",
                row -> new LockedSeat(row.getLong("seat_id"), Tx.nullableLong(row, "tier_id"),
                        SeatStatus.valueOf(row.getString("status"))),
                showId, tx.bigints(seatIds));
        if (seats.size() != seatIds.size()) {
            Set<Long> found = seats.stream().map(LockedSeat::seatId).collect(Collectors.toSet());
            List<Long> unknown = seatIds.stream().filter(id -> !found.contains(id)).sorted().toList();
            throw SeatFailures.notOfShow(showId, unknown);
        }
        return seats;
    }

}
