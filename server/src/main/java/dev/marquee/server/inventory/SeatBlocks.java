package dev.marquee.server.inventory;

import dev.marquee.model.admin.SeatBlockRequest;
import dev.marquee.model.catalog.Availability;
import dev.marquee.model.catalog.SeatStatus;
import dev.marquee.model.catalog.SeatingMode;
import dev.marquee.server.audit.Audit;
import dev.marquee.server.booking.stock.LockOrder;
import dev.marquee.server.booking.stock.ShowVersions;
import dev.marquee.server.booking.stock.StockReturns;
import dev.marquee.server.catalog.CatalogService;
import dev.marquee.server.db.Transactions;
import dev.marquee.server.db.Tx;
import dev.marquee.server.error.ApiException;
import dev.marquee.server.error.Validate;
import dev.marquee.server.inventory.InventoryLocks.LockedSeat;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Taking seats of a seated show out of sale (a broken chair, a camera position) and back. A blocked seat is
 * outside its tier's capacity, so blocking an available seat lowers that capacity by one and unblocking raises it.
 */
public final class SeatBlocks {

    static final int MAX_SEATS_PER_REQUEST = 500;

    private final Transactions transactions;
    private final Audit audit;
    private final StockReturns returns;

    public SeatBlocks(Transactions transactions, Audit audit, StockReturns returns) {
        this.transactions = transactions;
        this.audit = audit;
        this.returns = returns;
    }

    /** Blocks the seats; a held or sold seat fails the whole request, an already blocked one is left as is. */
    public Availability block(String actor, long showId, SeatBlockRequest request) {
        List<Long> seatIds = seatIds(request);
        String reason = Validate.text("reason", request.reason(), 1, 500);
        transactions.inTransaction(tx -> {
            List<LockedSeat> seats = lock(tx, showId, seatIds);
            List<Long> committed = seatIdsOf(seats.stream()
                    .filter(seat -> seat.status() == SeatStatus.HELD || seat.status() == SeatStatus.SOLD).toList());
            if (!committed.isEmpty()) {
                throw SeatFailures.unavailable("These seats are held or sold and cannot be blocked", committed);
            }
            List<LockedSeat> blocking = seats.stream().filter(seat -> seat.status() == SeatStatus.AVAILABLE).toList();
            if (!blocking.isEmpty()) {
                tx.update("""
                        UPDATE show_seats SET status = 'BLOCKED', blocked_reason = ?
                        WHERE show_id = ? AND seat_id = ANY(?)""",
                        reason, showId, tx.bigints(seatIdsOf(blocking)));
                changeCapacities(tx, blocking, -1);
                audit.record(tx, actor, "SEATS_BLOCKED", showId,
                        Map.of("seatIds", seatIdsOf(blocking), "reason", reason));
                ShowVersions.bump(tx, showId);
            }
            return null;
        });
        return currentAvailability(showId);
    }

    /** Returns blocked seats to sale; seats that are not blocked are left as they are. */
    public Availability unblock(String actor, long showId, SeatBlockRequest request) {
        List<Long> seatIds = seatIds(request);
        String reason = Validate.optionalText("reason", request.reason(), 500);
        transactions.inTransaction(tx -> {
            List<LockedSeat> unblocking = lock(tx, showId, seatIds).stream()
                    .filter(seat -> seat.status() == SeatStatus.BLOCKED).toList();
            if (!unblocking.isEmpty()) {
                tx.update("""
                        UPDATE show_seats SET status = 'AVAILABLE', blocked_reason = NULL
                        WHERE show_id = ? AND seat_id = ANY(?)""",
                        showId, tx.bigints(seatIdsOf(unblocking)));
                changeCapacities(tx, unblocking, +1);
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("seatIds", seatIdsOf(unblocking));
                if (reason != null) {
                    details.put("reason", reason);
                }
                audit.record(tx, actor, "SEATS_UNBLOCKED", showId, details);
                returns.returned(tx, showId, unblocking.stream().map(LockedSeat::tierId)
                        .filter(java.util.Objects::nonNull).distinct().toList());
                ShowVersions.bump(tx, showId);
            }
            return null;
        });
        return currentAvailability(showId);
    }

    private static List<Long> seatIds(SeatBlockRequest request) {
        List<Long> seatIds = Validate.distinctList("seatIds", request.seatIds(), MAX_SEATS_PER_REQUEST);
        Validate.positiveIds("seatIds", seatIds);
        return seatIds;
    }

    /** Locks the seats' tiers, then the seats, in the global order. */
    private static List<LockedSeat> lock(Tx tx, long showId, List<Long> seatIds) {
        SeatingMode mode = tx.first("SELECT seating_mode FROM shows WHERE id = ?",
                row -> SeatingMode.valueOf(row.getString("seating_mode")), showId)
                .orElseThrow(() -> CatalogService.showNotFound(showId));
        if (mode == SeatingMode.GA) {
            throw ApiException.validation("seatIds", "Show " + showId + " is general admission; it has no seats.");
        }
        // Tiers come first in the lock order, so they are found before the seats are locked...
        List<Long> tierIds = tx.list("""
                SELECT DISTINCT tier_id FROM show_seats
                WHERE show_id = ? AND seat_id = ANY(?) AND tier_id IS NOT NULL""",
                row -> row.getLong("tier_id"), showId, tx.bigints(seatIds));
        var lockedTiers = new HashSet<>(LockOrder.tiers(tx, tierIds));
        List<LockedSeat> seats = InventoryLocks.seats(tx, showId, seatIds);
        // ...and a tier created in between may have claimed one of them. Locking that tier now would break the
        // order, so the caller tries again (503 carries Retry-After).
        if (seats.stream().anyMatch(seat -> seat.tierId() != null && !lockedTiers.contains(seat.tierId()))) {
            throw ApiException.unavailable("These seats were just given to a tier. Please try again.");
        }
        return seats;
    }

    /** Moves each affected tier's capacity by delta per seat, in one statement. */
    private static void changeCapacities(Tx tx, List<LockedSeat> seats, int delta) {
        Map<Long, Integer> byTier = new TreeMap<>();
        seats.stream().filter(seat -> seat.tierId() != null)
                .forEach(seat -> byTier.merge(seat.tierId(), delta, Integer::sum));
        if (!byTier.isEmpty()) {
            tx.update("""
                    UPDATE tiers t SET capacity = t.capacity + d.delta
                    FROM unnest(?::bigint[], ?::int[]) AS d(id, delta) WHERE t.id = d.id""",
                    tx.bigints(byTier.keySet()), tx.ints(byTier.values()));
        }
    }

    /** Read after commit in a snapshot of its own, so its version matches what it shows. */
    private Availability currentAvailability(long showId) {
        return transactions.inSnapshot(tx -> CatalogService.availability(tx, showId));
    }

    private static List<Long> seatIdsOf(List<LockedSeat> seats) {
        return seats.stream().map(LockedSeat::seatId).toList();
    }
}
