package dev.marquee.server.inventory;

import dev.marquee.model.catalog.SeatStatus;
import dev.marquee.server.booking.stock.LockOrder;
import dev.marquee.server.db.Tx;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The admin's changes lock tiers and seats as bookings do, through {@link LockOrder} (tiers by id, then show seats
 * by seat id, the version bump last); this reads the locked seats as the inventory sees them.
 */
final class InventoryLocks {

    /** A show seat as it stands once locked. */
    record LockedSeat(long seatId, Long tierId, SeatStatus status) {
    }

    private InventoryLocks() {
    }

    /** Locks the given seats of the show in seat id order; any id that is not a seat of the show answers 400. */
    static List<LockedSeat> seats(Tx tx, long showId, Collection<Long> seatIds) {
        List<LockedSeat> seats = LockOrder.seats(tx, showId, seatIds).stream()
                .map(seat -> new LockedSeat(seat.seatId(), seat.tierId(), SeatStatus.valueOf(seat.status())))
                .toList();
        if (seats.size() != seatIds.size()) {
            Set<Long> found = seats.stream().map(LockedSeat::seatId).collect(Collectors.toSet());
            List<Long> unknown = seatIds.stream().filter(id -> !found.contains(id)).sorted().toList();
            throw SeatFailures.notOfShow(showId, unknown);
        }
        return seats;
    }
}
