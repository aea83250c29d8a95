package dev.marquee.server.inventory;

import dev.marquee.model.admin.TierPatch;
import dev.marquee.model.admin.TierRequest;
import dev.marquee.model.admin.TierView;
import dev.marquee.model.catalog.SeatStatus;
import dev.marquee.model.catalog.SeatingMode;
import dev.marquee.model.error.ErrorCode;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Price tiers. A GA tier's capacity is set by hand; a seated tier's capacity is the number of its seats that are
 * not blocked, so it follows its seats and is never set directly.
 */
public final class TierService {

    static final int MAX_PRICE_CENTS = 10_000_000;
    static final int MAX_CAPACITY = 1_000_000;

    private final Transactions transactions;
    private final Audit audit;
    private final StockReturns returns;

    public TierService(Transactions transactions, Audit audit, StockReturns returns) {
        this.transactions = transactions;
        this.audit = audit;
        this.returns = returns;
    }

    public TierView create(String actor, long showId, TierRequest request) {
        String name = Validate.text("name", request.name(), 1, 100);
        int priceCents = Validate.range("priceCents", request.priceCents(), 0, MAX_PRICE_CENTS);
        return transactions.inTransaction(tx -> {
            SeatingMode mode = tx.first("SELECT seating_mode FROM shows WHERE id = ?",
                    row -> SeatingMode.valueOf(row.getString("seating_mode")), showId)
                    .orElseThrow(() -> CatalogService.showNotFound(showId));
            long tierId = mode == SeatingMode.GA
                    ? createGa(tx, showId, name, priceCents, request)
                    : createSeated(tx, showId, name, priceCents, request);
            TierView tier = view(tx, tierId);
            audit.record(tx, actor, "TIER_CREATED", showId, Map.of("tierId", tierId, "name", name,
                    "priceCents", priceCents, "capacity", tier.capacity(), "hidden", tier.hidden()));
            ShowVersions.bump(tx, showId);
            return tier;
        });
    }

    private static long createGa(Tx tx, long showId, String name, int priceCents, TierRequest request) {
        if (request.seatIds() != null) {
            throw ApiException.validation("seatIds", "Show " + showId
                    + " is general admission: give its tier a capacity, not seatIds.");
        }
        int capacity = Validate.range("capacity", request.capacity(), 0, MAX_CAPACITY);
        return insert(tx, showId, name, priceCents, capacity, Boolean.TRUE.equals(request.hidden()));
    }

    private static long createSeated(Tx tx, long showId, String name, int priceCents, TierRequest request) {
        if (request.capacity() != null) {
            throw ApiException.validation("capacity", "Show " + showId
                    + " is seated: give its tier seatIds; the capacity follows from them.");
        }
        List<Long> seatIds = Validate.distinctList("seatIds", request.seatIds(), VenueService.MAX_SEATS);
        Validate.positiveIds("seatIds", seatIds);
        // The new tier row is ours alone until commit, so inserting it before the seat locks keeps the order.
        long tierId = insert(tx, showId, name, priceCents, 0, Boolean.TRUE.equals(request.hidden()));
        List<LockedSeat> seats = InventoryLocks.seats(tx, showId, seatIds);
        List<Long> taken = seats.stream().filter(seat -> seat.tierId() != null).map(LockedSeat::seatId).toList();
        if (!taken.isEmpty()) {
            throw SeatFailures.unavailable("These seats already belong to a tier", taken);
        }
        tx.update("UPDATE show_seats SET tier_id = ? WHERE show_id = ? AND seat_id = ANY(?)",
                tierId, showId, tx.bigints(seatIds));
        long capacity = seats.stream().filter(seat -> seat.status() != SeatStatus.BLOCKED).count();
        tx.update("UPDATE tiers SET capacity = ? WHERE id = ?", (int) capacity, tierId);
        return tierId;
    }

    public TierView change(String actor, long tierId, TierPatch patch) {
        if (patch.priceCents() == null && patch.capacity() == null) {
            throw ApiException.validation("Give priceCents, capacity or both.");
        }
        Integer newPrice = patch.priceCents() == null ? null
                : Validate.range("priceCents", patch.priceCents(), 0, MAX_PRICE_CENTS);
        Integer newCapacity = patch.capacity() == null ? null
                : Validate.range("capacity", patch.capacity(), 0, MAX_CAPACITY);
        return transactions.inTransaction(tx -> {
            if (LockOrder.tiers(tx, List.of(tierId)).isEmpty()) {
                throw ApiException.notFound("There is no tier " + tierId + ".");
            }
            TierView old = view(tx, tierId);
            if (newCapacity != null && old.seatingMode() == SeatingMode.SEATED) {
                throw ApiException.validation("capacity", "Tier " + tierId
                        + " is seated: its capacity follows its seats; block or unblock seats instead.");
            }
            if (newCapacity != null && newCapacity < old.sold() + old.held()) {
                throw new ApiException(ErrorCode.CAPACITY_BELOW_COMMITTED, "Tier " + tierId + " has "
                        + old.sold() + " sold and " + old.held() + " held; its capacity cannot go below "
                        + (old.sold() + old.held()) + ".", Map.of("tierId", tierId, "requested", newCapacity,
                        "sold", old.sold(), "held", old.held()));
            }
            int price = newPrice == null ? old.priceCents() : newPrice;
            int capacity = newCapacity == null ? old.capacity() : newCapacity;
            if (price == old.priceCents() && capacity == old.capacity()) {
                return old;
            }
            // Holds and orders keep the price they were made at, so a new price touches only this row.
            tx.update("UPDATE tiers SET price_cents = ?, capacity = ? WHERE id = ?", price, capacity, tierId);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("tierId", tierId);
            details.put("oldPriceCents", old.priceCents());
            details.put("newPriceCents", price);
            details.put("oldCapacity", old.capacity());
            details.put("newCapacity", capacity);
            audit.record(tx, actor, "TIER_CHANGED", old.showId(), details);
            if (capacity > old.capacity()) {
                returns.returned(tx, old.showId(), List.of(tierId));
            }
            TierView changed = view(tx, tierId);
            ShowVersions.bump(tx, old.showId());
            return changed;
        });
    }

    private static long insert(Tx tx, long showId, String name, int priceCents, int capacity, boolean hidden) {
        return tx.one("""
                INSERT INTO tiers (show_id, name, price_cents, capacity, hidden) VALUES (?, ?, ?, ?, ?) RETURNING id""",
                row -> row.getLong("id"), showId, name, priceCents, capacity, hidden);
    }

    static TierView view(Tx tx, long tierId) {
        return tx.one("""
                SELECT t.id, t.show_id, t.name, t.price_cents, t.capacity, t.held, t.sold, s.seating_mode, t.hidden
                FROM tiers t JOIN shows s ON s.id = t.show_id WHERE t.id = ?""",
                row -> new TierView(row.getLong("id"), row.getLong("show_id"), row.getString("name"),
                        row.getInt("price_cents"), row.getInt("capacity"),
                        row.getInt("capacity") - row.getInt("held") - row.getInt("sold"), row.getInt("held"),
                        row.getInt("sold"), SeatingMode.valueOf(row.getString("seating_mode")),
                        row.getBoolean("hidden")), tierId);
    }
}
