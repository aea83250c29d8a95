package dev.marquee.server.booking.stock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.marquee.server.db.Transactions;
import dev.marquee.server.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Best available reads a tier's free seats a bounded number at a time in row order; it must pick exactly the block
 * that {@link SeatPicker} picks from every free seat of the tier at once, whatever the hall and however it is sold.
 */
class BestAvailableQueryTest {

    /** Reads of one seat and of five cut nearly every row number (39 seats in rows 1-6) at some point. */
    private static final List<Integer> READ_SIZES = List.of(1, 5, BestAvailableQuery.FIRST_READ);

    /** A venue seat and the status a fill pattern gives it. */
    private record Seat(long id, String section, int row, int number) {
    }

    private interface Fill {
        String status(Seat seat, Random random);
    }

    private record Pattern(String name, Fill fill) {
        @Override
        public String toString() {
            return name;
        }
    }

    private record Hall(long showId, long front, long back) {
    }

    private static TestServer server;
    private static HikariDataSource pool;
    private static Transactions transactions;
    private static long venueId;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        pool = server.newPool(2);
        transactions = new Transactions(pool);
        venueId = server.number("INSERT INTO venues (name, capacity) VALUES ('Odd Hall', 309) RETURNING id");
        // Ids run Stalls, then Balcony back row first, then Circle, whose rows have no seat 6 (an aisle): section
        // order is neither name order nor where row 1 seat 1 is, and two sections are equally wide, so blocks tie.
        venueSeats("Stalls", 9, 14, 0, 1);
        venueSeats("Balcony", 6, 14, 0, -1);
        venueSeats("Circle", 9, 12, 6, 1);
    }

    @AfterAll
    static void stop() {
        pool.close();
        server.close();
    }

    static Stream<Pattern> patterns() {
        return Stream.of(
                new Pattern("every seat free", (seat, random) -> "AVAILABLE"),
                new Pattern("scattered sales, holds and blocks", (seat, random) -> scattered(random, 40)),
                new Pattern("near rows free only in ones", (seat, random) ->
                        seat.row() <= 3 ? (seat.number() % 2 == 0 ? "SOLD" : "AVAILABLE") : scattered(random, 30)),
                new Pattern("front rows sold out", (seat, random) -> seat.row() <= 5 ? "SOLD" : scattered(random, 50)),
                new Pattern("nearly full", (seat, random) -> scattered(random, 90)),
                new Pattern("lone seats everywhere", (seat, random) -> seat.number() % 2 == 0 ? "SOLD" : "AVAILABLE"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("patterns")
    void picksWhatReadingEveryFreeSeatPicks(Pattern pattern) {
        Hall hall = hall(pattern);
        int found = 0;
        for (long tier : List.of(hall.front(), hall.back())) {
            for (int quantity : List.of(1, 2, 3, 4, 5, 6, 15)) {
                Optional<List<Long>> expected = readingEveryFreeSeat(hall.showId(), tier, quantity);
                for (int readSize : READ_SIZES) {
                    assertEquals(expected, picked(hall.showId(), tier, quantity, readSize),
                            pattern + ", tier " + tier + ", " + quantity + " seats, reads of " + readSize);
                }
                found += expected.isPresent() ? 1 : 0;
            }
        }
        assertTrue(found > 0 || pattern.name().equals("lone seats everywhere"), "some picks find a block");
    }

    @Test
    void sellingTiersOutPickByPickPicksWhatReadingEveryFreeSeatPicks() {
        Hall hall = hall(patterns().filter(p -> p.name().startsWith("scattered")).findFirst().orElseThrow());
        int[] quantities = {2, 1, 3, 2, 4, 2, 1, 5, 2, 3};
        for (long tier : List.of(hall.front(), hall.back())) {
            int picks = 0;
            for (int quantity = 2; quantity > 0; picks++) {
                Optional<List<Long>> expected = readingEveryFreeSeat(hall.showId(), tier, quantity);
                for (int readSize : READ_SIZES) {
                    assertEquals(expected, picked(hall.showId(), tier, quantity, readSize),
                            "pick " + picks + " in tier " + tier + ", " + quantity + " seats, reads of " + readSize);
                }
                if (expected.isPresent()) {
                    server.update("UPDATE show_seats SET status = 'SOLD' WHERE show_id = ? AND seat_id = ANY(?)",
                            hall.showId(), expected.get().stream().mapToLong(Long::longValue).toArray());
                    quantity = quantities[picks % quantities.length];
                } else {
                    quantity--;
                }
            }
            assertEquals(0, server.number("SELECT count(*) FROM show_seats WHERE show_id = ? AND tier_id = ? "
                    + "AND status = 'AVAILABLE'", hall.showId(), tier), "the tier sold out");
            assertTrue(picks > 40, "many picks were compared: " + picks);
        }
    }

    @Test
    void theFreeSeatReadUsesTheRowOrderedIndexWhateverThePlannerKnows() {
        Hall hall = hall(patterns().findFirst().orElseThrow());
        for (String planning : List.of("force_custom_plan", "force_generic_plan")) {
            List<String> plan = transactions.inTransaction(tx -> {
                tx.update("SET LOCAL plan_cache_mode = " + planning);
                return tx.list("EXPLAIN " + BestAvailableQuery.FREE_SEATS, row -> row.getString(1),
                        hall.showId(), hall.front(), 0, 0L, BestAvailableQuery.FIRST_READ);
            });
            assertTrue(plan.stream().anyMatch(line -> line.contains("show_seats_best_available")), planning + plan);
            assertFalse(plan.stream().anyMatch(line -> line.contains("Sort")), "no sort: " + planning + plan);
        }
    }

    private static Optional<List<Long>> picked(long showId, long tierId, int quantity, int readSize) {
        return transactions.inTransaction(tx -> BestAvailableQuery.bestBlock(tx, VenueLayout.read(tx, venueId), showId,
                tierId, quantity, readSize)).map(BestAvailableQueryTest::ids);
    }

    /** The definition: every free seat of the tier, with its row's centre and its section's order, at once. */
    private static Optional<List<Long>> readingEveryFreeSeat(long showId, long tierId, int quantity) {
        return transactions.inTransaction(tx -> SeatPicker.pick(tx.list("""
                WITH venue AS (SELECT * FROM venue_seats WHERE venue_id = (SELECT venue_id FROM shows WHERE id = ?)),
                sections AS (SELECT section, min(id) AS section_order FROM venue GROUP BY section),
                venue_rows AS (SELECT section, row_no, (min(seat_no) + max(seat_no)) / 2.0 AS centre
                               FROM venue GROUP BY section, row_no)
                SELECT ss.seat_id, v.section, v.row_no, v.seat_no, r.centre, sc.section_order
                FROM show_seats ss JOIN venue v ON v.id = ss.seat_id
                JOIN venue_rows r ON r.section = v.section AND r.row_no = v.row_no
                JOIN sections sc ON sc.section = v.section
                WHERE ss.show_id = ? AND ss.tier_id = ? AND ss.status = 'AVAILABLE'""",
                row -> new SeatPicker.Candidate(row.getLong("seat_id"), row.getString("section"),
                        row.getLong("section_order"), row.getInt("row_no"), row.getInt("seat_no"),
                        row.getDouble("centre")),
                showId, showId, tierId), quantity)).map(BestAvailableQueryTest::ids);
    }

    private static List<Long> ids(List<SeatPicker.Candidate> block) {
        return block.stream().map(SeatPicker.Candidate::seatId).toList();
    }

    private static String scattered(Random random, int soldPercent) {
        int draw = random.nextInt(100);
        return draw < soldPercent ? "SOLD" : draw < soldPercent + 5 ? "HELD" : draw < soldPercent + 8 ? "BLOCKED"
                : "AVAILABLE";
    }

    private static void venueSeats(String section, int rows, int seatsPerRow, int missingSeat, int rowDirection) {
        server.update("""
                INSERT INTO venue_seats (venue_id, section, row_no, seat_no, label)
                SELECT ?, ?::text, r, n, ? || ' Row ' || r || ' Seat ' || n
                FROM generate_series(1, ?) r, generate_series(1, ?) n WHERE n <> ? ORDER BY r * ?, n""",
                venueId, section, section, rows, seatsPerRow, missingSeat, rowDirection);
    }

    /**
     * A show in the hall, filled by the pattern. The front tier has rows 1-4 and the left half of Stalls row 5, so
     * row 5 holds seats of both tiers; the back tier has the rest but for Circle row 9, which is in no tier.
     */
    private static Hall hall(Pattern pattern) {
        long event = server.number("INSERT INTO events (title) VALUES ('Picks') RETURNING id");
        long show = server.number("""
                INSERT INTO shows (event_id, venue_id, starts_at, seating_mode, on_sale)
                VALUES (?, ?, now() + interval '7 days', 'SEATED', true) RETURNING id""", event, venueId);
        server.update("INSERT INTO show_seats (show_id, seat_id) SELECT ?, id FROM venue_seats WHERE venue_id = ?",
                show, venueId);
        long front = tier(show, "Front");
        long back = tier(show, "Back");
        server.update("""
                UPDATE show_seats ss SET tier_id = CASE
                    WHEN vs.row_no <= 4 OR (vs.section = 'Stalls' AND vs.row_no = 5 AND vs.seat_no <= 7) THEN ?
                    WHEN vs.section = 'Circle' AND vs.row_no = 9 THEN NULL
                    ELSE ? END
                FROM venue_seats vs WHERE vs.id = ss.seat_id AND ss.show_id = ?""", front, back, show);
        Random random = new Random(pattern.name().hashCode());
        List<Long> ids = new ArrayList<>();
        List<String> statuses = new ArrayList<>();
        for (var row : server.query("SELECT id, section, row_no, seat_no FROM venue_seats WHERE venue_id = ? "
                + "ORDER BY id", venueId)) {
            Seat seat = new Seat(((Number) row.get("id")).longValue(), (String) row.get("section"),
                    (Integer) row.get("row_no"), (Integer) row.get("seat_no"));
            ids.add(seat.id());
            statuses.add(pattern.fill().status(seat, random));
        }
        transactions.inTransaction(tx -> tx.update("""
                UPDATE show_seats ss SET status = f.status,
                    hold_id = CASE WHEN f.status = 'HELD' THEN gen_random_uuid() END
                FROM unnest(?::bigint[], ?::text[]) AS f(seat_id, status)
                WHERE ss.show_id = ? AND ss.seat_id = f.seat_id AND ss.tier_id IS NOT NULL""",
                tx.bigints(ids), tx.texts(statuses), show));
        return new Hall(show, front, back);
    }

    private static long tier(long show, String name) {
        return server.number("INSERT INTO tiers (show_id, name, price_cents, capacity) VALUES (?, ?, 1000, 400) "
                + "RETURNING id", show, name);
    }
}
