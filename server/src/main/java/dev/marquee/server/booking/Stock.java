package dev.marquee.server.booking;

import dev.marquee.model.catalog.SeatingMode;
import dev.marquee.model.error.ErrorCode;
import dev.marquee.server.catalog.CatalogService;
import dev.marquee.server.db.Pipeline;
import dev.marquee.server.db.Tx;
import dev.marquee.server.error.ApiException;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The inventory rows of one show, read and locked the one way every booking transaction does it. The lock
 * order is: an order row, then its tickets, then tiers by id, then a hold row, then seats by id, and last of all the
 * show's version bump. A transaction that follows it cannot deadlock with another that does.
 */
final class Stock {

    /** A show as a booking reads it, with the database's clock at that moment. */
    record Show(long id, long venueId, SeatingMode mode, boolean onSale, Instant startsAt, Instant now) {
    }

    record Tier(long id, String name, int priceCents, int capacity, int held, int sold) {
        int available() {
            return capacity - held - sold;
        }
    }

    record Seat(long seatId, Long tierId, String label, String status) {
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

    /** Locks the tiers in id order; a tier that is not the show's is not found. */
    static Map<Long, Tier> lockTiers(Tx tx, long showId, Collection<Long> tierIds) {
        List<Tier> tiers = tx.list("""
                SELECT id, name, price_cents, capacity, held, sold FROM tiers
                WHERE show_id = ? AND id = ANY(?) ORDER BY id FOR UPDATE""",
                row -> new Tier(row.getLong("id"), row.getString("name"), row.getInt("price_cents"),
                        row.getInt("capacity"), row.getInt("held"), row.getInt("sold")),
                showId, tx.bigints(new TreeSet<>(tierIds)));
        Map<Long, Tier> byId = new LinkedHashMap<>();
        tiers.forEach(tier -> byId.put(tier.id(), tier));
        for (Long tierId : tierIds) {
            if (!byId.containsKey(tierId)) {
                throw ApiException.notFound("There is no tier " + tierId + " in show " + showId + ".");
            }
        }
        return byId;
    }

    /** Adds the statement that locks these seats in id order (after their tiers); none, nothing. */
    static void addLockSeats(Pipeline pipeline, long showId, Collection<Long> seatIds) {
        if (!seatIds.isEmpty()) {
            pipeline.add("SELECT seat_id FROM show_seats WHERE show_id = ? AND seat_id = ANY(?) ORDER BY seat_id "
                    + "FOR UPDATE", showId, pipeline.bigints(new TreeSet<>(seatIds)));
        }
    }

    static void addHeldChange(Pipeline pipeline, long tierId, int quantity) {
        pipeline.add("UPDATE tiers SET held = held + ? WHERE id = ?", quantity, tierId);
    }

    static void addSoldChange(Pipeline pipeline, long tierId, int quantity) {
        pipeline.add("UPDATE tiers SET sold = sold + ? WHERE id = ?", quantity, tierId);
    }

    static void addHeldToSold(Pipeline pipeline, long tierId, int quantity) {
        pipeline.add("UPDATE tiers SET held = held - ?, sold = sold + ? WHERE id = ?", quantity, quantity, tierId);
    }

    static void addSetSeats(Pipeline pipeline, long showId, Collection<Long> seatIds, String status, UUID holdId) {
        if (!seatIds.isEmpty()) {
            pipeline.add("UPDATE show_seats SET status = ?, hold_id = ? WHERE show_id = ? AND seat_id = ANY(?)",
                    status, holdId, showId, pipeline.bigints(seatIds));
        }
    }

    /** Locks every tier of the shows in id order, for work that then locks seats of any of them. */
    static void lockAllTiers(Tx tx, Collection<Long> showIds) {
        tx.list("SELECT id FROM tiers WHERE show_id = ANY(?) ORDER BY id FOR UPDATE", row -> row.getLong("id"),
                tx.bigints(new TreeSet<>(showIds)));
    }

    /** The seats' current rows without locking, to learn which tiers must be locked first. */
    static List<Seat> peekSeats(Tx tx, long showId, Collection<Long> seatIds) {
        return seats(tx, showId, seatIds, "");
    }

    /** Locks the seats in id order. Call only with the seats' tiers already locked. */
    static List<Seat> lockSeats(Tx tx, long showId, Collection<Long> seatIds) {
        return seats(tx, showId, seatIds, " FOR UPDATE OF ss");
    }

    private static List<Seat> seats(Tx tx, long showId, Collection<Long> seatIds, String locking) {
        return tx.list("""
                SELECT ss.seat_id, ss.tier_id, vs.label, ss.status
                FROM show_seats ss JOIN venue_seats vs ON vs.id = ss.seat_id
                WHERE ss.show_id = ? AND ss.seat_id = ANY(?) ORDER BY ss.seat_id""" + locking,
                row -> new Seat(row.getLong("seat_id"), Tx.nullableLong(row, "tier_id"), row.getString("label"),
                        row.getString("status")),
                showId, tx.bigints(new TreeSet<>(seatIds)));
    }

    static void addHeld(Tx tx, long tierId, int quantity) {
        tx.update("UPDATE tiers SET held = held + ? WHERE id = ?", quantity, tierId);
    }

    static void addSold(Tx tx, long tierId, int quantity) {
        tx.update("UPDATE tiers SET sold = sold + ? WHERE id = ?", quantity, tierId);
    }

    static void setSeats(Tx tx, long showId, Collection<Long> seatIds, String status, UUID holdId) {
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

    static ApiException insufficient(Tier tier, int requested, String why) {
        return new ApiException(ErrorCode.INSUFFICIENT_INVENTORY, why,
                Map.of("tierId", tier.id(), "requested", requested, "available", tier.available()));
    }
}
