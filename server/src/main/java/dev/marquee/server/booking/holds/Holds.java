package dev.marquee.server.booking.holds;

import dev.marquee.model.booking.HeldSeat;
import dev.marquee.model.booking.HoldItem;
import dev.marquee.model.booking.HoldStatus;
import dev.marquee.model.booking.HoldView;
import dev.marquee.server.auth.Caller;
import dev.marquee.server.booking.stock.Allocation;
import dev.marquee.server.booking.stock.LockOrder;
import dev.marquee.server.booking.stock.Stock;
import dev.marquee.server.booking.vouchers.Redemption;
import dev.marquee.server.booking.vouchers.Vouchers;
import dev.marquee.server.db.Pipeline;
import dev.marquee.server.db.Tx;
import dev.marquee.server.error.ApiException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/** Hold rows: written, locked, read back, and their stock returned when they end unsold. */
final class Holds {

    /**
     * A locked hold row; {@code pastExpiry} is judged by the database clock. {@code voucher} is what it redeemed, or
     * null.
     */
    record Row(UUID id, UUID userId, long showId, HoldStatus status, Instant expiresAt, boolean pastExpiry,
               Redemption voucher) {
    }

    private Holds() {
    }

    /** Adds the hold's rows to {@code writes}; {@code expiresAt} hears when it expires, by the database's clock. */
    static void addInsert(Pipeline writes, UUID holdId, Caller caller, Allocation allocation, Redemption voucher,
                          long ttlSeconds, Consumer<Instant> expiresAt) {
        addInsert(writes, holdId, caller.id(), allocation, voucher, ttlSeconds, expiresAt);
    }

    /** As {@link #addInsert(Pipeline, UUID, Caller, Allocation, Redemption, long, Consumer)}, for an account. */
    static void addInsert(Pipeline writes, UUID holdId, UUID userId, Allocation allocation, Redemption voucher,
                          long ttlSeconds, Consumer<Instant> expiresAt) {
        writes.query("""
                INSERT INTO holds (id, user_id, show_id, status, expires_at, total_cents, voucher_id, discount_cents)
                VALUES (?, ?, ?, 'ACTIVE', now() + make_interval(secs => ?), ?, ?, ?) RETURNING expires_at""", row -> {
            expiresAt.accept(Tx.instant(row, "expires_at"));
            return null;
        }, holdId, userId, allocation.showId(), (double) ttlSeconds, allocation.totalCents(),
                voucher == null ? null : voucher.voucherId(), voucher == null ? 0L : voucher.discountCents());
        writes.add("""
                INSERT INTO hold_items (hold_id, tier_id, quantity, unit_price_cents)
                SELECT ?, i.tier_id, i.quantity, i.price FROM unnest(?::bigint[], ?::int[], ?::int[]) AS i(tier_id, quantity, price)""",
                holdId, writes.bigints(allocation.lines().stream().map(Allocation.Line::tierId).toList()),
                writes.ints(allocation.lines().stream().map(Allocation.Line::quantity).toList()),
                writes.ints(allocation.lines().stream().map(Allocation.Line::unitPriceCents).toList()));
        if (!allocation.seats().isEmpty()) {
            writes.add("""
                    INSERT INTO hold_seats (hold_id, show_id, seat_id, tier_id)
                    SELECT ?, ?, s.seat_id, s.tier_id FROM unnest(?::bigint[], ?::bigint[]) AS s(seat_id, tier_id)""",
                    holdId, allocation.showId(), writes.bigints(allocation.seatIds()),
                    writes.bigints(allocation.seats().stream().map(Allocation.PickedSeat::tierId).toList()));
        }
    }

    /** A hold just made, as {@link #view} would read it back: its lines by tier, its seats by seat. */
    static HoldView newView(UUID holdId, Allocation allocation, Instant expiresAt, Redemption voucher) {
        return new HoldView(holdId.toString(), allocation.showId(), HoldStatus.ACTIVE, expiresAt,
                allocation.lines().stream().sorted(java.util.Comparator.comparingLong(Allocation.Line::tierId))
                        .map(line -> new HoldItem(line.tierId(), line.quantity(), line.unitPriceCents())).toList(),
                allocation.seats().stream().sorted(java.util.Comparator.comparingLong(Allocation.PickedSeat::seatId))
                        .map(seat -> new HeldSeat(seat.seatId(), seat.label())).toList(),
                allocation.totalCents(), voucher == null ? null : voucher.code());
    }

    /** A hold locked the way every transaction that ends or sells a hold locks it, and what it holds. */
    record Locked(Row row, Allocation allocation) {
    }

    /**
     * Locks a hold the caller may use (their own, or any for staff; a null caller is the system) in the global lock
     * order: its tiers first, by id, then its row. Its items never change, so they are read before any lock. A
     * booking lane's batch holds the show's tiers while a checkout in it locks the hold, so everything else that
     * locks a hold row must take the tiers first too, or the two could wait for each other. Answers null when the
     * system's hold is gone or (with {@code skipLocked}) busy elsewhere; another's hold, or a missing one, is not
     * found.
     */
    static Locked lockWithTiers(Tx tx, Caller caller, UUID holdId, boolean skipLocked) {
        Optional<Long> showId = tx.first("SELECT show_id, user_id FROM holds WHERE id = ?",
                row -> caller == null || caller.isStaff() || Tx.uuid(row, "user_id").equals(caller.id())
                        ? Optional.of(row.getLong("show_id")) : Optional.<Long>empty(), holdId)
                .flatMap(visible -> visible);
        if (showId.isEmpty()) {
            if (caller == null) {
                return null;
            }
            throw notFound(holdId);
        }
        Allocation allocation = allocation(tx, holdId, showId.get());
        LockOrder.tiersOfShow(tx, showId.get(), allocation.lines().stream().map(Allocation.Line::tierId).toList());
        Row row = lock(tx, holdId, skipLocked);
        return row == null ? null : new Locked(row, allocation);
    }

    /** The show of a hold the caller may use; another's hold, or a missing one, is not found. */
    static long showOf(Tx tx, Caller caller, UUID holdId) {
        return tx.first("SELECT show_id, user_id FROM holds WHERE id = ?",
                row -> caller.isStaff() || Tx.uuid(row, "user_id").equals(caller.id())
                        ? Optional.of(row.getLong("show_id")) : Optional.<Long>empty(), holdId)
                .flatMap(visible -> visible)
                .orElseThrow(() -> notFound(holdId));
    }

    /** Locks the hold row, or answers null when it is missing (or, with skipLocked, busy elsewhere). */
    private static Row lock(Tx tx, UUID holdId, boolean skipLocked) {
        return tx.first("""
                SELECT h.id, h.user_id, h.show_id, h.status, h.expires_at, h.expires_at <= now() AS past_expiry,
                       h.voucher_id, v.code AS voucher_code, h.discount_cents,
                       (SELECT count(*) FROM voucher_uses u WHERE u.hold_id = h.id) AS voucher_uses
                FROM holds h LEFT JOIN vouchers v ON v.id = h.voucher_id WHERE h.id = ? FOR UPDATE OF h"""
                        + (skipLocked ? " SKIP LOCKED" : ""),
                row -> new Row(Tx.uuid(row, "id"), Tx.uuid(row, "user_id"), row.getLong("show_id"),
                        HoldStatus.valueOf(row.getString("status")), Tx.instant(row, "expires_at"),
                        row.getBoolean("past_expiry"), redemption(row)), holdId).orElse(null);
    }

    private static Redemption redemption(java.sql.ResultSet row) throws java.sql.SQLException {
        Long voucherId = Tx.nullableLong(row, "voucher_id");
        return voucherId == null ? null : new Redemption(voucherId, row.getString("voucher_code"),
                row.getInt("voucher_uses"), row.getLong("discount_cents"));
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
     * Ends an active hold without a sale (released or expired): its stock returns in the global lock order. The
     * caller has it {@linkplain #lockWithTiers locked} and bumps the show's version afterwards.
     */
    static Allocation end(Tx tx, Locked locked, HoldStatus outcome) {
        Row hold = locked.row();
        Allocation allocation = locked.allocation();
        LockOrder.seats(tx, hold.showId(), allocation.seatIds());
        for (Allocation.Line line : allocation.lines()) {
            Stock.addHeld(tx, line.tierId(), -line.quantity());
        }
        Stock.setSeats(tx, hold.showId(), allocation.seatIds(), "AVAILABLE", null);
        Pipeline ending = tx.pipeline();
        addMarkEnded(ending, hold.id(), outcome);
        if (hold.voucher() != null) {
            Vouchers.addGiveBack(ending, hold.id());
        }
        ending.run();
        return allocation;
    }

    static void addMarkEnded(Pipeline pipeline, UUID holdId, HoldStatus outcome) {
        pipeline.add("UPDATE holds SET status = ?, ended_at = now() WHERE id = ?", outcome, holdId);
    }

    static HoldView view(Tx tx, UUID holdId) {
        record Head(long showId, HoldStatus status, Instant expiresAt, long totalCents, boolean pastExpiry,
                    String voucherCode) {
        }
        Head head = tx.first("""
                SELECT h.show_id, h.status, h.expires_at, h.total_cents, h.expires_at <= now() AS past_expiry,
                       v.code AS voucher_code
                FROM holds h LEFT JOIN vouchers v ON v.id = h.voucher_id WHERE h.id = ?""", row -> new Head(
                row.getLong("show_id"), HoldStatus.valueOf(row.getString("status")), Tx.instant(row, "expires_at"),
                row.getLong("total_cents"), row.getBoolean("past_expiry"), row.getString("voucher_code")), holdId)
                .orElseThrow(() -> notFound(holdId));
        Allocation allocation = allocation(tx, holdId, head.showId());
        HoldStatus status = head.status() == HoldStatus.ACTIVE && head.pastExpiry() ? HoldStatus.EXPIRED : head.status();
        return new HoldView(holdId.toString(), head.showId(), status, head.expiresAt(),
                allocation.lines().stream().map(line -> new HoldItem(line.tierId(), line.quantity(),
                        line.unitPriceCents())).toList(),
                allocation.seats().stream().map(seat -> new HeldSeat(seat.seatId(), seat.label())).toList(),
                head.totalCents(), head.voucherCode());
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
