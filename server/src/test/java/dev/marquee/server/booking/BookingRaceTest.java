package dev.marquee.server.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.marquee.server.testing.ApiClient;
import dev.marquee.server.testing.ApiResponse;
import dev.marquee.server.testing.Invariants;
import dev.marquee.server.testing.Race;
import dev.marquee.server.testing.Shows.Tier;
import dev.marquee.server.testing.Shows;
import dev.marquee.server.testing.TestServer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Real threads racing over HTTP for the same stock; afterwards the counters, seats and ledger must agree. */
class BookingRaceTest {

    private static final Map<String, Object> CARD = Map.of("method", "CARD", "cardNumber", "4242424242424242");

    private static TestServer server;
    private static Shows shows;
    private static ApiClient clerk;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        shows = new Shows(server);
        clerk = server.clerk();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void fiftyGaTicketsGoToExactlyFiftyOfTwoHundredBuyers() {
        Shows.Show show = shows.ga(Tier.ga("GA", 1000, 50));
        List<ApiClient> fans = IntStream.range(0, 200).mapToObj(i -> server.fan()).toList();

        List<ApiResponse> results = Race.run(200, i -> {
            ApiResponse hold = fans.get(i).postOnce("/api/holds",
                    Map.of("showId", show.id(), "items", List.of(Map.of("tierId", show.tier(0), "quantity", 1))));
            if (hold.status() != 201) {
                return hold;
            }
            return fans.get(i).postOnce("/api/holds/" + hold.body().get("id").asText() + "/checkout",
                    Map.of("payment", CARD));
        });

        assertEquals(50, results.stream().filter(r -> r.status() == 201).count(), Race.statuses(results));
        assertTrue(results.stream().filter(r -> r.status() != 201)
                .allMatch(r -> "INSUFFICIENT_INVENTORY".equals(r.error())), Race.statuses(results));
        assertEquals(50, server.number("SELECT count(*) FROM orders WHERE show_id = ?", show.id()));
        Invariants.check(server, show.id());
    }

    @Test
    void oneSeatGoesToExactlyOneOfFortyBuyers() {
        Shows.Show show = shows.seated(2, 10, Tier.rows("Stalls", 5000, 1, 2));
        long seat = shows.row(show, 1).get(4);
        List<ApiClient> fans = IntStream.range(0, 40).mapToObj(i -> server.fan()).toList();

        List<ApiResponse> results = Race.run(40, i -> fans.get(i).postOnce("/api/holds",
                Map.of("showId", show.id(), "seatIds", List.of(seat))));

        assertEquals(1, results.stream().filter(r -> r.status() == 201).count(), Race.statuses(results));
        assertTrue(results.stream().filter(r -> r.status() != 201).allMatch(r -> "SEAT_UNAVAILABLE".equals(r.error())
                && r.body().at("/details/seatIds/0").asLong() == seat), Race.statuses(results));
        Invariants.check(server, show.id());
    }

    @Test
    void overlappingMultiSeatHoldsNeverShareASeat() {
        Shows.Show show = shows.seated(1, 12, Tier.rows("Stalls", 5000, 1, 1));
        List<Long> row = shows.row(show, 1);

        List<ApiResponse> results = Race.run(30, i -> {
            int start = i % 10;
            return server.fan().postOnce("/api/holds",
                    Map.of("showId", show.id(), "seatIds", row.subList(start, start + 3)));
        });

        Set<Long> held = new HashSet<>();
        for (ApiResponse hold : results.stream().filter(r -> r.status() == 201).toList()) {
            for (JsonNode seat : hold.body().get("seats")) {
                assertTrue(held.add(seat.get("seatId").asLong()), "seat held twice: " + seat);
            }
        }
        // Every window someone asked for was refused only because a seat of it was taken: none is left entirely free.
        for (int start = 0; start < 10; start++) {
            assertTrue(row.subList(start, start + 3).stream().anyMatch(held::contains),
                    "seats " + row.subList(start, start + 3) + " were all left free; held " + held);
        }
        assertTrue(results.stream().filter(r -> r.status() != 201).allMatch(r -> "SEAT_UNAVAILABLE".equals(r.error())),
                Race.statuses(results));
        Invariants.check(server, show.id());
    }

    @Test
    void bestAvailablePairsNeverShareASeatAndFillTheRows() {
        Shows.Show show = shows.seated(2, 20, Tier.rows("Stalls", 5000, 1, 2));

        List<ApiResponse> results = Race.run(30, i -> server.fan().postOnce("/api/holds",
                Map.of("showId", show.id(), "items", List.of(Map.of("tierId", show.tier(0), "quantity", 2)))));

        List<ApiResponse> holds = results.stream().filter(r -> r.status() == 201).toList();
        assertEquals(20, holds.size(), "40 seats make 20 pairs: " + Race.statuses(results));
        Set<Long> held = new HashSet<>();
        for (ApiResponse hold : holds) {
            List<Long> pair = new ArrayList<>();
            hold.body().get("seats").forEach(seat -> pair.add(seat.get("seatId").asLong()));
            assertEquals(2, pair.size());
            assertEquals(1, Math.abs(pair.get(0) - pair.get(1)), "a pair sits side by side: " + hold.body());
            pair.forEach(seat -> assertTrue(held.add(seat), "seat held twice: " + seat));
        }
        Invariants.check(server, show.id());
    }

    @Test
    void twelveConcurrentDuplicatesOfOneCheckoutMakeOneOrder() {
        Shows.Show show = shows.ga(Tier.ga("GA", 2500, 10));
        ApiClient fan = server.fan();
        ApiResponse hold = fan.postOnce("/api/holds",
                Map.of("showId", show.id(), "items", List.of(Map.of("tierId", show.tier(0), "quantity", 2))));

        List<ApiResponse> results = Race.run(12, i -> fan.postOnce(
                "/api/holds/" + hold.body().get("id").asText() + "/checkout", "checkout-once", Map.of("payment", CARD)));

        assertEquals(1, server.number("SELECT count(*) FROM orders WHERE show_id = ?", show.id()));
        Set<String> orderIds = new HashSet<>();
        for (ApiResponse result : results) {
            assertTrue(result.status() == 201 || "IDEMPOTENCY_IN_PROGRESS".equals(result.error()), result.toString());
            if (result.status() == 201) {
                orderIds.add(result.body().get("id").asText());
            }
        }
        assertEquals(1, orderIds.size(), "every success names the same order: " + Race.statuses(results));
        Invariants.check(server, show.id());
    }

    @Test
    void refundsRacingSalesNeverSellMoreThanWasReturned() {
        Shows.Show show = shows.ga(Tier.ga("GA", 1000, 20));
        List<String> orders = IntStream.range(0, 20).mapToObj(i -> clerk.postOnce("/api/sales", sale(show, 1)))
                .map(r -> r.body().get("id").asText()).toList();

        List<ApiResponse> results = Race.run(60, i -> i < 20
                ? clerk.postOnce("/api/orders/" + orders.get(i) + "/refund", Map.of())
                : clerk.postOnce("/api/sales", sale(show, 1)));

        long refunds = results.subList(0, 20).stream().filter(r -> r.status() == 200).count();
        long sales = results.subList(20, 60).stream().filter(r -> r.status() == 201).count();
        assertEquals(20, refunds, Race.statuses(results));
        assertTrue(sales <= refunds, "sold " + sales + " after " + refunds + " refunds");
        assertTrue(results.subList(20, 60).stream().allMatch(r -> r.status() == 201
                || "INSUFFICIENT_INVENTORY".equals(r.error())), Race.statuses(results));
        Invariants.check(server, show.id());
    }

    @Test
    void salesOfSeatsAndGaAcrossTiersNeverOversell() {
        Shows.Show show = shows.seated(4, 10, Tier.rows("Front", 9000, 1, 2), Tier.rows("Back", 4000, 3, 4));

        List<ApiResponse> results = Race.run(40, i -> clerk.postOnce("/api/sales", Map.of("showId", show.id(),
                "items", List.of(Map.of("tierId", show.tier(i % 2), "quantity", 1 + i % 3)),
                "payment", CARD, "customerName", "Buyer " + i)));

        assertTrue(results.stream().allMatch(r -> r.status() == 201 || "INSUFFICIENT_INVENTORY".equals(r.error())),
                Race.statuses(results));
        assertTrue(results.stream().anyMatch(r -> r.status() == 201));
        Invariants.check(server, show.id());
    }

    @Test
    void capacityChangesRacingSalesNeverDropBelowWhatIsSold() {
        Shows.Show show = shows.ga(Tier.ga("GA", 1000, 60));
        ApiClient admin = server.admin();
        int[] capacities = {40, 120, 50, 90, 45, 70, 41, 100, 55, 80};

        List<ApiResponse> results = Race.run(50, i -> i < 10
                ? admin.patch("/api/admin/tiers/" + show.tier(0), Map.of("capacity", capacities[i]))
                : clerk.postOnce("/api/sales", sale(show, 2)));

        assertTrue(results.subList(0, 10).stream().allMatch(r -> r.status() == 200
                || "CAPACITY_BELOW_COMMITTED".equals(r.error())), Race.statuses(results));
        assertTrue(results.subList(10, 50).stream().allMatch(r -> r.status() == 201
                || "INSUFFICIENT_INVENTORY".equals(r.error())), Race.statuses(results));
        long sold = 2 * results.subList(10, 50).stream().filter(r -> r.status() == 201).count();
        assertEquals(sold, server.number("SELECT sold FROM tiers WHERE id = ?", show.tier(0)));
        Invariants.check(server, show.id());
    }

    private static Map<String, Object> sale(Shows.Show show, int quantity) {
        return Map.of("showId", show.id(), "items", List.of(Map.of("tierId", show.tier(0), "quantity", quantity)),
                "payment", CARD, "customerName", "Walk-in");
    }
}
