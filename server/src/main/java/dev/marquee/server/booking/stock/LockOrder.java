package dev.marquee.server.booking.stock;

import dev.marquee.server.db.Pipeline;
import dev.marquee.server.db.Tx;
import dev.marquee.server.error.ApiException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Every lock a transaction takes on the stock of shows, and nowhere else: its methods are in the global lock order.
 * The whole order is: an order row, then its tickets (refunds), then tiers by id, then a hold row (holds), then
 * seats by seat id, and last of all each show's version bump ({@link ShowVersions}). A transaction that takes its
 * locks in this order cannot deadlock with another that does; one that needs a later lock and then an earlier one
 * locks the earlier one first (a seated booking reads its seats unlocked to learn their tiers, locks the tiers,
 * then the seats).
 */
public final class LockOrder {

    /** A tier as it stands once locked. */
    public record Tier(long id, long showId, String name, int priceCents, int capacity, int held, int sold) {

        public int available() {
            return capacity - held - sold;
        }
    }

    /** A show seat as it stands (once locked, or as peeked before its tier is). */
    public record Seat(long seatId, Long tierId, String label, String status) {
    }

    // Each statement whole, so that LockOrderHomeTest (and a reader) sees what it locks.
    private static final String TIERS_OF_SHOW = """
            SELECT id, show_id, name, price_cents, capacity, held, sold FROM tiers
            WHERE show_id = ? AND id = ANY(?) ORDER BY id FOR UPDATE""";
    private static final String TIERS_NAMED_AND_OF_SHOWS = """
            SELECT id, show_id, name, price_cents, capacity, held, sold FROM tiers
            WHERE id = ANY(?) OR show_id = ANY(?) ORDER BY id FOR UPDATE""";
    private static final String SEATS_PEEKED = """
            SELECT ss.seat_id, ss.tier_id, vs.label, ss.status
            FROM show_seats ss JOIN venue_seats vs ON vs.id = ss.seat_id
            WHERE ss.show_id = ? AND ss.seat_id = ANY(?) ORDER BY ss.seat_id""";
    private static final String SEATS_LOCKED = """
            SELECT ss.seat_id, ss.tier_id, vs.label, ss.status
            FROM show_seats ss JOIN venue_seats vs ON vs.id = ss.seat_id
            WHERE ss.show_id = ? AND ss.seat_id = ANY(?) ORDER BY ss.seat_id FOR UPDATE OF ss""";
    private static final String SEATS_STILL_AVAILABLE = """
            SELECT ss.seat_id, ss.tier_id, vs.label, ss.status
            FROM show_seats ss JOIN venue_seats vs ON vs.id = ss.seat_id
            WHERE ss.show_id = ? AND ss.seat_id = ANY(?) AND ss.status = 'AVAILABLE'
            ORDER BY ss.seat_id FOR UPDATE OF ss SKIP LOCKED""";

    private LockOrder() {
    }

    // 1. Tiers, by id.

    /** Locks the show's tiers named, in id order; a tier that is not the show's is not found (404). */
    public static Map<Long, Tier> tiersOfShow(Tx tx, long showId, Collection<Long> tierIds) {
        Map<Long, Tier> byId = new LinkedHashMap<>();
        tx.list(TIERS_OF_SHOW, LockOrder::tier, showId, tx.bigints(new TreeSet<>(tierIds)))
                .forEach(tier -> byId.put(tier.id(), tier));
        for (Long tierId : tierIds) {
            if (!byId.containsKey(tierId)) {
                throw ApiException.notFound("There is no tier " + tierId + " in show " + showId + ".");
            }
        }
        return byId;
    }

    /** Locks the tiers named and every tier of the shows named, of any shows, in id order (a batch of sales). */
    public static List<Tier> tiersNamedAndOfShows(Tx tx, Collection<Long> tierIds, Collection<Long> showIds) {
        return tx.list(TIERS_NAMED_AND_OF_SHOWS, LockOrder::tier, tx.bigints(new TreeSet<>(tierIds)),
                tx.bigints(new TreeSet<>(showIds)));
    }

    /** Locks every tier of the shows in id order, for work that then locks seats of any of them. */
    public static void allTiersOf(Tx tx, Collection<Long> showIds) {
        tx.list("SELECT id FROM tiers WHERE show_id = ANY(?) ORDER BY id FOR UPDATE", row -> row.getLong("id"),
                tx.bigints(new TreeSet<>(showIds)));
    }

    /** Locks the tiers named, whatever their shows, in id order; answers the ids that exist. */
    public static List<Long> tiers(Tx tx, Collection<Long> tierIds) {
        return tx.list("SELECT id FROM tiers WHERE id = ANY(?) ORDER BY id FOR UPDATE", row -> row.getLong("id"),
                tx.bigints(new TreeSet<>(tierIds)));
    }

    // 2. (A hold row: Holds, in the booking package, between the tiers and the seats.)

    // 3. Seats, by seat id, with their tiers already locked.

    /** The seats' rows without locking them, to learn which tiers must be locked first. */
    public static List<Seat> peekSeats(Tx tx, long showId, Collection<Long> seatIds) {
        return tx.list(SEATS_PEEKED, LockOrder::seat, showId, tx.bigints(new TreeSet<>(seatIds)));
    }

    /** Locks the show's seats named, in seat id order; a seat that is not the show's is simply not answered. */
    public static List<Seat> seats(Tx tx, long showId, Collection<Long> seatIds) {
        return tx.list(SEATS_LOCKED, LockOrder::seat, showId, tx.bigints(new TreeSet<>(seatIds)));
    }

    /** Adds the statement that locks these seats in seat id order to a batch's round trip; none, nothing. */
    public static void addSeats(Pipeline pipeline, long showId, Collection<Long> seatIds) {
        if (!seatIds.isEmpty()) {
            pipeline.add("SELECT seat_id FROM show_seats WHERE show_id = ? AND seat_id = ANY(?) ORDER BY seat_id "
                    + "FOR UPDATE", showId, pipeline.bigints(new TreeSet<>(seatIds)));
        }
    }

    /**
     * Locks the seats a best-available pick chose, skipping any another transaction holds, and answers only those
     * still available: the pick then tries again with what it did not get.
     */
    public static List<Seat> seatsStillAvailable(Tx tx, long showId, Collection<Long> seatIds) {
        return tx.list(SEATS_STILL_AVAILABLE, LockOrder::seat, showId, tx.bigints(new TreeSet<>(seatIds)));
    }

    // 4. Last: the version bump of each show changed, ShowVersions.

    private static Tier tier(java.sql.ResultSet row) throws java.sql.SQLException {
        return new Tier(row.getLong("id"), row.getLong("show_id"), row.getString("name"), row.getInt("price_cents"),
                row.getInt("capacity"), row.getInt("held"), row.getInt("sold"));
    }

    private static Seat seat(java.sql.ResultSet row) throws java.sql.SQLException {
        return new Seat(row.getLong("seat_id"), Tx.nullableLong(row, "tier_id"), row.getString("label"),
                row.getString("status"));
    }
}
