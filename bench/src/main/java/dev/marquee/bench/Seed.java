package dev.marquee.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Shows for the scenarios, written straight into the benchmark's own database before the load starts (the admin
 * API would do the same, only slower): general-admission shows with many tiers, and a seated show. They have no
 * per-account limit and no waiting room: the benchmark's one signed-in fan (the crash scenario's holds) stands for
 * many, and the booking path is measured as it is (the on-sale scenario sets its shows up itself).
 */
final class Seed {

    /** A show and its tier ids. */
    record Show(long id, List<Long> tierIds) {
    }

    private Seed() {
    }

    static List<Show> gaShows(Connection connection, int shows, int tiersPerShow, int capacity) throws SQLException {
        long venue = id(connection, "INSERT INTO venues (name, capacity) VALUES ('Bench Arena', 0) RETURNING id");
        long event = id(connection, "INSERT INTO events (title) VALUES ('Bench Night') RETURNING id");
        List<Show> result = new ArrayList<>();
        for (int s = 0; s < shows; s++) {
            long show = id(connection, """
                    INSERT INTO shows (event_id, venue_id, starts_at, seating_mode, on_sale, max_tickets_per_account,
                                       waiting_room)
                    VALUES (?, ?, now() + interval '30 days', 'GA', true, NULL, 'OFF') RETURNING id""", event, venue);
            result.add(new Show(show, ids(connection, """
                    INSERT INTO tiers (show_id, name, price_cents, capacity)
                    SELECT ?, 'Tier ' || n, 2500, ? FROM generate_series(1, ?) AS n RETURNING id""",
                    show, capacity, tiersPerShow)));
        }
        return result;
    }

    static Show seatedShow(Connection connection, int rows, int seatsPerRow) throws SQLException {
        long venue = id(connection, "INSERT INTO venues (name, capacity) VALUES ('Bench Hall', ?) RETURNING id",
                rows * seatsPerRow);
        connection.createStatement().execute("""
                INSERT INTO venue_seats (venue_id, section, row_no, seat_no, label)
                SELECT %d, 'Stalls', r, n, 'Stalls Row ' || r || ' Seat ' || n
                FROM generate_series(1, %d) AS r, generate_series(1, %d) AS n""".formatted(venue, rows, seatsPerRow));
        long event = id(connection, "INSERT INTO events (title) VALUES ('Bench Recital') RETURNING id");
        long show = id(connection, """
                INSERT INTO shows (event_id, venue_id, starts_at, seating_mode, on_sale, max_tickets_per_account,
                                   waiting_room)
                VALUES (?, ?, now() + interval '30 days', 'SEATED', true, NULL, 'OFF') RETURNING id""", event, venue);
        long tier = id(connection, "INSERT INTO tiers (show_id, name, price_cents, capacity) VALUES (?, 'Stalls', 4000, ?) "
                + "RETURNING id", show, rows * seatsPerRow);
        try (PreparedStatement seats = connection.prepareStatement(
                "INSERT INTO show_seats (show_id, seat_id, tier_id) SELECT ?, id, ? FROM venue_seats WHERE venue_id = ?")) {
            seats.setLong(1, show);
            seats.setLong(2, tier);
            seats.setLong(3, venue);
            seats.executeUpdate();
        }
        return new Show(show, List.of(tier));
    }

    private static long id(Connection connection, String sql, Object... params) throws SQLException {
        return ids(connection, sql, params).getFirst();
    }

    private static List<Long> ids(Connection connection, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            List<Long> ids = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
            return ids;
        }
    }
}
