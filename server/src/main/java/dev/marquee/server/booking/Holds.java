package dev.marquee.server.booking;

import dev.marquee.model.booking.HeldSeat;
import dev.marquee.model.booking.HoldItem;
import dev.marquee.model.booking.HoldStatus;
import dev.marquee.model.booking.HoldView;
import dev.marquee.server.auth.Caller;
import dev.marquee.server.platform.ApiException;
import dev.marquee.server.platform.Tx;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Hold rows: written, locked, read back, and their stock returned when they end unsold. */
final class Holds {

    /** A locked hold row; {@code pastExpiry} is judged by the database clock. */
    record Row(UUID id, UUID userId, long showId, HoldStatus status, Instant expiresAt, boolean pastExpiry) {
    }

    private Holds() {
    }

    static void insert(Tx tx, UUID holdId, Caller caller, Allocation allocation, long ttlSeconds) {
        tx.update("""
                INSERT INTO holds (id, user_id, show_id, status, expires_at, total_cents)
                VALUES (?, ?, ?, 'ACTIVE', now() + make_interval(secs => ?), ?)""",
                holdId, caller.id(), allocation.showId(), (double) ttlSeconds, allocation.totalCents());
        for (Allocation.Line line : allocation.lines()) {
            tx.update("INSERT INTO hold_items (hold_id, tier_id, quantity, unit_price_cents) VALUES (?, ?, ?, ?)",
                    holdId, line.tierId(), line.quantity(), line.unitPriceCents());
        }
        if (!allocation.seats().isEmpty()) {
            tx.update("""
                    INSERT INTO hold_seats (hold_id, show_id, seat_id, tier_id)
                    SELECT ?, ?, s.seat_id, s.tier_id FROM unnest(?::bigint[], ?::bigint[]) AS s(seat_id, tier_id)""",
                    holdId, allocation.showId(), tx.bigints(allocation.seatIds()),
                    tx.bigints(allocation.seats().stream().map(Allocation.PickedSeat::tierId).toList()));
        }
    }

    /** Locks the hold the caller may use: their own, or any hold for staff. Others' holds do not exist. */
    static Row lockVisible(Tx tx, Caller caller, UUID holdId) {
        Row row = lock(tx, holdId, false);
        if (row == null || !(caller.isStaff() || row.userId().equals(caller.id()))) {
            throw notFound(holdId);
        }
        return row;
    }

    /** Locks the hold row, or answers null when it is missing (or, with skipLocked, busy elsewhere). */
    static Row lock(Tx tx, UUID holdId, boolean skipLocked) {
        return tx.first("""
                SELECT id, user_id, show_id, status, expires_at, expires_at <= now() AS past_expiry
                FROM holds WHERE id = ? FOR UPDATE""" + (skipLocked ? " SKIP LOCKED" : ""),
                row -> new Row(Tx.uuid(row, "id"), Tx.uuid(row, "user_id"), row.getLong("show_id"),
                        HoldStatus.valueOf(row.getString("status")), Tx.instant(row, "expires_at"),
                        row.getBoolean("past_expiry")), holdId).orElse(null);
    }

    /** What the hold took, at the prices of the moment it was made. */
    static Allocation allocation(Tx tx, UUID holdId, long showId) {
        List<Allocation.Line> lines = tx.list("""
                SELECT hi.tier_id, t.name, hi.quantity, hi.unit_price_cents
                FROM hold_items hi JOIN tiers t ON t.id = hi.tier_id WHERE hi.hold_id = ? ORDER BY hi.tier_id""",
                row -> new Allocation.Line(row.getLong("tier_id"), row.getString("name"), row.getInt("quantity"),
                        row.getInt("unit_price_cents")), holdId);
        List<Allocation.PickedSeat> seats = tx.list("""
                SELECT hs.seat_id, hs.tier_id, vs.label FROM hold_seats hs JOIN venue_seats vs ON vs.id = hs.seat_id
                WHERE hs.hold_id = ? ORDER BY hs.seat_id""",
                row -> new Allocation.PickedSeat(row.getLong("seat_id"), row.getLong("tier_id"), row.getString("label")),
                holdId);
        return new Allocation(showId, lines, seats);
    }

    /**
     * Ends an active hold without a sale (released or expired): its stock returns in the global lock order.
     * The caller has the hold row locked and bumps the show's version afterwards.
     */
    static Allocation end(Tx tx, Row hold, HoldStatus outcome) {
        Allocation allocation = allocation(tx, hold.id(), hold.showId());
        Stock.lockTiers(tx, hold.showId(), allocation.lines().stream().map(Allocation.Line::tierId).toList());
        Stock.lockSeats(tx, hold.showId(), allocation.seatIds());
        for (Allocation.Line line : allocation.lines()) {
            Stock.addHeld(tx, line.tierId(), -line.quantity());
        }
        Stock.setSeats(tx, hold.showId(), allocation.seatIds(), "AVAILABLE", null);
        markEnded(tx, hold.id(), outcome);
        return allocation;
    }

    static void markEnded(Tx tx, UUID holdId, HoldStatus outcome) {
        tx.update("UPDATE holds SET status = ?, ended_at = now() WHERE id = ?", outcome, holdId);
    }

    static HoldView view(Tx tx, UUID holdId) {
        record Head(long showId, HoldStatus status, Instant expiresAt, long totalCents, boolean pastExpiry) {
        }
        Head head = tx.first("""
                SELECT show_id, status, expires_at, total_cents, expires_at <= now() AS past_expiry
                FROM holds WHERE id = ?""", row -> new Head(row.getLong("show_id"),
                HoldStatus.valueOf(row.getString("status")), Tx.instant(row, "expires_at"), row.getLong("total_cents"),
                row.getBoolean("past_expiry")), holdId).orElseThrow(() -> notFound(holdId));
        Allocation allocation = allocation(tx, holdId, head.showId());
        HoldStatus status = head.status() == HoldStatus.ACTIVE && head.pastExpiry() ? HoldStatus.EXPIRED : head.status();
        return new HoldView(holdId.toString(), head.showId(), status, head.expiresAt(),
                allocation.lines().stream().map(line -> new HoldItem(line.tierId(), line.quantity(),
                        line.unitPriceCents())).toList(),
                allocation.seats().stream().map(seat -> new HeldSeat(seat.seatId(), seat.label())).toList(),
                head.totalCents());
    }

    static Map<String, Object> auditDetails(UUID holdId, Allocation allocation) {
        return Map.of("holdId", holdId.toString(), "tiers", allocation.lines().stream()
                .map(line -> Map.of("tierId", line.tierId(), "quantity", line.quantity())).toList(),
                "seatIds", allocation.seatIds());
    }

    static ApiException notFound(UUID holdId) {
        return ApiException.notFound("There is no hold " + holdId + ".");
    }
}
