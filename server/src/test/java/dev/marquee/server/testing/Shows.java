package dev.marquee.server.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * Shows for booking tests, written straight into the database so booking tests do not depend on the admin API.
 * Seated venues have one section of {@code rows x seatsPerRow}; each tier takes a band of whole rows.
 */
public final class Shows {

    /** A show and its tiers' ids, in the order they were asked for. */
    public record Show(long id, List<Long> tierIds) {
        public long tier(int index) {
            return tierIds.get(index);
        }
    }

    /** A GA tier or, for seated shows, a band of rows {@code firstRow..lastRow}. */
    public record Tier(String name, int priceCents, int capacity, int firstRow, int lastRow) {
        public static Tier ga(String name, int priceCents, int capacity) {
            return new Tier(name, priceCents, capacity, 0, 0);
        }

        public static Tier rows(String name, int priceCents, int firstRow, int lastRow) {
            return new Tier(name, priceCents, 0, firstRow, lastRow);
        }
    }

    private final TestServer server;

    public Shows(TestServer server) {
        this.server = server;
    }

    public Show ga(Tier... tiers) {
        long venue = id("INSERT INTO venues (name, capacity) VALUES ('Test Hall', 100000) RETURNING id");
        long show = show(venue, "GA", true);
        List<Long> tierIds = new ArrayList<>();
        for (Tier tier : tiers) {
            tierIds.add(id("INSERT INTO tiers (show_id, name, price_cents, capacity) VALUES (?, ?, ?, ?) RETURNING id",
                    show, tier.name(), tier.priceCents(), tier.capacity()));
        }
        return new Show(show, tierIds);
    }

    public Show seated(int rows, int seatsPerRow, Tier... tiers) {
        long venue = id("INSERT INTO venues (name, capacity) VALUES ('Test Theatre', ?) RETURNING id", rows * seatsPerRow);
        server.update("""
                INSERT INTO venue_seats (venue_id, section, row_no, seat_no, label)
                SELECT ?, 'Stalls', r, s, 'Stalls Row ' || r || ' Seat ' || s
                FROM generate_series(1, ?) r, generate_series(1, ?) s""", venue, rows, seatsPerRow);
        long show = show(venue, "SEATED", true);
        server.update("INSERT INTO show_seats (show_id, seat_id) SELECT ?, id FROM venue_seats WHERE venue_id = ?",
                show, venue);
        List<Long> tierIds = new ArrayList<>();
        for (Tier tier : tiers) {
            int capacity = (tier.lastRow() - tier.firstRow() + 1) * seatsPerRow;
            long tierId = id("INSERT INTO tiers (show_id, name, price_cents, capacity) VALUES (?, ?, ?, ?) RETURNING id",
                    show, tier.name(), tier.priceCents(), capacity);
            server.update("""
                    UPDATE show_seats SET tier_id = ? WHERE show_id = ? AND seat_id IN (
                        SELECT id FROM venue_seats WHERE venue_id = ? AND row_no BETWEEN ? AND ?)""",
                    tierId, show, venue, tier.firstRow(), tier.lastRow());
            tierIds.add(tierId);
        }
        return new Show(show, tierIds);
    }

    /** The seat ids of one row of a seated show, left to right. */
    public List<Long> row(Show show, int row) {
        return server.query("""
                SELECT ss.seat_id FROM show_seats ss JOIN venue_seats vs ON vs.id = ss.seat_id
                WHERE ss.show_id = ? AND vs.row_no = ? ORDER BY vs.seat_no""", show.id(), row)
                .stream().map(r -> ((Number) r.get("seat_id")).longValue()).toList();
    }

    /** The show's waiting room: AUTO (every show's default), ON or OFF. */
    public void waitingRoom(Show show, String setting) {
        server.update("UPDATE shows SET waiting_room = ? WHERE id = ?", setting, show.id());
    }

    /** The show's per-account limit; null for none. */
    public void limit(Show show, Integer maxTicketsPerAccount) {
        server.update("UPDATE shows SET max_tickets_per_account = ? WHERE id = ?", maxTicketsPerAccount, show.id());
    }

    public void offSale(Show show) {
        server.update("UPDATE shows SET on_sale = false WHERE id = ?", show.id());
    }

    private long show(long venue, String mode, boolean onSale) {
        long event = id("INSERT INTO events (title, description) VALUES ('Test Event', 'for tests') RETURNING id");
        return id("""
                INSERT INTO shows (event_id, venue_id, starts_at, seating_mode, on_sale)
                VALUES (?, ?, now() + interval '7 days', ?, ?) RETURNING id""", event, venue, mode, onSale);
    }

    private long id(String statement, Object... params) {
        return server.number(statement, params);
    }
}
