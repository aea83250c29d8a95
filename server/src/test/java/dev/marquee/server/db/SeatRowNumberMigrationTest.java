package dev.marquee.server.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.marquee.server.testing.ApiResponse;
import dev.marquee.server.testing.TestPostgres;
import dev.marquee.server.testing.TestServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** A database with seated shows, made before show seats carried their row number, migrates and sells from it. */
class SeatRowNumberMigrationTest {

    @Test
    void seatedShowsOfAVersion4DatabaseGetTheirRowNumbersAndSellBestAvailableAsBefore() throws SQLException {
        String url = TestPostgres.freshDatabase();
        Flyway.configure().dataSource(url, "postgres", "").locations("classpath:db/migration").target("4").load()
                .migrate();
        try (Connection connection = DriverManager.getConnection(url, "postgres", "");
             Statement sql = connection.createStatement()) {
            // A fresh database, so ids count from 1. Two equal sections of three rows, Stalls first; in show 1 row 1 is
            // sold out, so three seats go to row 2 of Stalls: seats 2-4, the lower of the two blocks nearest its
            // centre that leave one lone seat (any block of three in a row of seven leaves at least one).
            sql.execute("""
                    INSERT INTO venues (name, capacity) VALUES ('Old Hall', 42);
                    INSERT INTO venue_seats (venue_id, section, row_no, seat_no, label)
                    SELECT 1, s.name, r, n, s.name || ' Row ' || r || ' Seat ' || n
                    FROM unnest(ARRAY['Stalls', 'Circle']) WITH ORDINALITY AS s(name, ord),
                         generate_series(1, 3) r, generate_series(1, 7) n
                    ORDER BY s.ord, r, n;
                    INSERT INTO events (title) VALUES ('Old Show');
                    INSERT INTO shows (event_id, venue_id, starts_at, seating_mode, on_sale)
                    VALUES (1, 1, now() + interval '3 days', 'SEATED', true),
                           (1, 1, now() + interval '4 days', 'SEATED', true);
                    INSERT INTO tiers (show_id, name, price_cents, capacity) VALUES (1, 'All', 3000, 42);
                    INSERT INTO show_seats (show_id, seat_id, tier_id) SELECT 1, id, 1 FROM venue_seats;
                    INSERT INTO show_seats (show_id, seat_id) SELECT 2, id FROM venue_seats;
                    UPDATE show_seats ss SET status = 'SOLD' FROM venue_seats vs
                    WHERE vs.id = ss.seat_id AND ss.show_id = 1 AND vs.row_no = 1;
                    UPDATE tiers SET sold = 14""");
        }

        try (TestServer server = TestServer.onDatabase(url, Duration.ofMinutes(10), false)) {
            assertEquals(84, seatsWithTheirVenueRow(server, "true"), "every seat of both shows has its row number");
            assertEquals("NO", server.query("SELECT is_nullable FROM information_schema.columns "
                    + "WHERE table_name = 'show_seats' AND column_name = 'row_no'").getFirst().get("is_nullable"));

            server.update("INSERT INTO shows (event_id, venue_id, starts_at, seating_mode, on_sale) "
                    + "VALUES (1, 1, now() + interval '5 days', 'SEATED', false)");
            server.update("INSERT INTO show_seats (show_id, seat_id) SELECT 3, id FROM venue_seats");
            server.update("UPDATE show_seats SET row_no = 3 WHERE show_id = 3");
            assertEquals(42, seatsWithTheirVenueRow(server, "ss.show_id = 3"), "new show seats get theirs, and keep it");

            ApiResponse sale = server.clerk().postOnce("/api/sales", Map.of("showId", 1,
                    "items", List.of(Map.of("tierId", 1, "quantity", 3)),
                    "payment", Map.of("method", "CARD", "cardNumber", "4242424242424242")));
            assertEquals(201, sale.status(), sale::toString);
            List<String> labels = server.query("SELECT seat_label FROM tickets WHERE order_id = ?::uuid "
                    + "ORDER BY seat_label", sale.body().get("id").asText()).stream()
                    .map(row -> (String) row.get("seat_label")).toList();
            assertEquals(List.of("Stalls Row 2 Seat 2", "Stalls Row 2 Seat 3", "Stalls Row 2 Seat 4"), labels);
            assertEquals(1, server.number("SELECT count(*) FROM pg_indexes WHERE indexname = 'show_seats_best_available'"));
        }
    }

    private static long seatsWithTheirVenueRow(TestServer server, String condition) {
        return server.number("SELECT count(*) FROM show_seats ss JOIN venue_seats vs ON vs.id = ss.seat_id "
                + "WHERE ss.row_no = vs.row_no AND " + condition);
    }
}
