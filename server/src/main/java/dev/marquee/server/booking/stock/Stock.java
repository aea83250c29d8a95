package dev.marquee.server.booking.stock;

import dev.marquee.model.catalog.SeatingMode;
import dev.marquee.model.error.ErrorCode;
import dev.marquee.server.booking.stock.LockOrder;
import dev.marquee.server.catalog.CatalogService;
import dev.marquee.server.db.Pipeline;
import dev.marquee.server.db.Tx;
import dev.marquee.server.error.ApiException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The inventory rows of one show as a booking reads and writes them: the show (unlocked), the counters and seat
 * states it changes, and the answers when stock is short. Every lock on tiers and seats is taken through
 * {@link LockOrder}, in the global lock order.
 */
public final class Stock {

    /** A show as a booking reads it, with the database's clock at that moment. */
    record Show(long id, long venueId, SeatingMode mode, boolean onSale, Instant startsAt, Instant now) {
    }

    private Stock() {
    }

    /** The show, unlocked: a lock here would make every booking of the show wait for every other. */
    static Show show(Tx tx, long showId) {
        return tx.first("SELECT id, venue_id, seating_mode, on_sale, starts_at, now() AS now FROM shows WHERE id = ?",
                row -> new Show(row.getLong("id"), row.getLong("venue_id"),
                        SeatingMode.valueOf(row.getString("seating_mode")), row.getBoolean("on_sale"),
                        Tx.instant(row, "starts_at"), Tx.instant(row, "now")), showId)
                .orElseThrow(() -> CatalogService.showNotFound(showId));
    }

    static void addHeldChange(Pipeline pipeline, long tierId, int quantity) {
        pipeline.add("UPDATE tiers SET held = held + ? WHERE id = ?", quantity, tierId);
    }

    static void addSoldChange(Pipeline pipeline, long tierId, int quantity) {
        pipeline.add("UPDATE tiers SET sold = sold + ? WHERE id = ?", quantity, tierId);
    }

    public static void addHeldToSold(Pipeline pipeline, long tierId, int quantity) {
        pipeline.add("UPDATE tiers SET held = held - ?, sold = sold + ? WHERE id = ?", quantity, quantity, tierId);
    }

    public static void addSetSeats(Pipeline pipeline, long showId, Collection<Long> seatIds, String status, UUID holdId) {
        if (!seatIds.isEmpty()) {
            pipeline.add("UPDATE show_seats SET status = ?, hold_id = ? WHERE show_id = ? AND seat_id = ANY(?)",
                    status, holdId, showId, pipeline.bigints(seatIds));
        }
    }

    public static void addHeld(Tx tx, long tierId, int quantity) {
        tx.update("UPDATE tiers SET held = held + ? WHERE id = ?", quantity, tierId);
    }

    public static void addSold(Tx tx, long tierId, int quantity) {
        tx.update("UPDATE tiers SET sold = sold + ? WHERE id = ?", quantity, tierId);
    }

    public static void setSeats(Tx tx, long showId, Collection<Long> seatIds, String status, UUID holdId) {
        if (!seatIds.isEmpty()) {
            tx.update("UPDATE show_seats SET status = ?, hold_id = ? WHERE show_id = ? AND seat_id = ANY(?)",
                    status, holdId, showId, tx.bigints(seatIds));
        }
    }

    static ApiException seatsUnavailable(Collection<Long> seatIds) {
        return new ApiException(ErrorCode.SEAT_UNAVAILABLE,
                (seatIds.size() == 1 ? "Seat " + seatIds.iterator().next() + " is" : "Seats " + seatIds + " are")
                        + " no longer available. Please choose other seats.",
                Map.of("seatIds", List.copyOf(seatIds)));
    }

    static ApiException insufficient(LockOrder.Tier tier, int requested, String why) {
        return new ApiException(ErrorCode.INSUFFICIENT_INVENTORY, why,
                Map.of("tierId", tier.id(), "requested", requested, "available", tier.available()));
    }
}
