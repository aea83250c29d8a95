package dev.marquee.server.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marquee.server.testing.ApiClient;
import dev.marquee.server.testing.ApiResponse;
import dev.marquee.server.testing.Invariants;
import dev.marquee.server.testing.Race;
import dev.marquee.server.testing.Shows.Tier;
import dev.marquee.server.testing.Shows;
import dev.marquee.server.testing.TestServer;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Box-office sales sold many to a transaction (optimized) or one each (naive): every request is answered as if it
 * had been alone, a key sells at most once however its duplicates interleave, and the answer is what the order
 * reads back as.
 */
class SaleBatchTest {

    private static final Map<String, Object> CARD = Map.of("method", "CARD", "cardNumber", "4242424242424242");
    private static final Map<String, Object> DECLINED = Map.of("method", "CARD", "cardNumber", "4000000000000002");

    private static TestServer server;
    private static Shows shows;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        shows = new Shows(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void concurrentSalesAndTheirDuplicateRetriesSellEachKeyOnceAndAnswerItTheSameWay() {
        Shows.Show show = shows.ga(Tier.ga("GA", 2500, 120));
        List<ApiClient> clerks = IntStream.range(0, 4).mapToObj(i -> server.clerk()).toList();
        int keys = 100;

        // Each key is sent twice at the same instant, as a till retrying after a timeout would.
        List<ApiResponse> results = Race.run(2 * keys, i -> {
            int key = i % keys;
            Map<String, Object> body = Map.of("showId", show.id(), "items",
                    List.of(Map.of("tierId", show.tier(0), "quantity", 1 + key % 2)),
                    "payment", key % 10 == 0 ? DECLINED : CARD);
            return clerks.get(key % clerks.size()).postOnce("/api/sales", "sale-" + key, body);
        });

        int sold = 0;
        for (int key = 0; key < keys; key++) {
            ApiResponse first = results.get(key);
            ApiResponse second = results.get(key + keys);
            assertEquals(first.status(), second.status(), first + " / " + second);
            assertEquals(first.body(), second.body(), "a duplicate hears the same answer");
            assertEquals(1, (first.header("Idempotent-Replayed") == null ? 1 : 0)
                    + (second.header("Idempotent-Replayed") == null ? 1 : 0), "exactly one of the pair ran");
            if (key % 10 == 0) {
                assertTrue(List.of("PAYMENT_DECLINED", "INSUFFICIENT_INVENTORY").contains(first.error()),
                        first::toString);
            } else if (first.status() == 201) {
                sold += 1 + key % 2;
            } else {
                assertEquals("INSUFFICIENT_INVENTORY", first.error(), first::toString);
            }
        }
        assertTrue(sold > 100, "most of the 120 tickets were sold: " + sold);
        assertEquals(sold, server.number("SELECT sold FROM tiers WHERE id = ?", show.tier(0)));
        assertEquals(sold, server.number("SELECT count(*) FROM tickets WHERE show_id = ?", show.id()));
        assertEquals(server.number("SELECT count(*) FROM orders WHERE show_id = ?", show.id()),
                server.number("SELECT count(*) FROM audit_log WHERE show_id = ? AND action = 'SALE'", show.id()));
        Invariants.check(server, show.id());
    }

    @Test
    void aGeneralAdmissionSaleAnswersWhatTheOrderReadsBackAs() {
        Shows.Show show = shows.ga(Tier.ga("VIP", 10000, 10), Tier.ga("GA", 1000, 10));
        ApiClient clerk = server.clerk();

        ApiResponse sale = clerk.postOnce("/api/sales", Map.of("showId", show.id(), "customerName", "Ada",
                "items", List.of(Map.of("tierId", show.tier(1), "quantity", 3), Map.of("tierId", show.tier(0),
                        "quantity", 2)), "payment", CARD));

        assertEquals(201, sale.status(), sale::toString);
        assertEquals(23000, sale.body().get("totalCents").asLong());
        ApiResponse readBack = clerk.get("/api/orders/" + sale.body().get("id").asText());
        assertEquals(readBack.body(), sale.body());
        Invariants.check(server, show.id());
    }

    @Test
    void aSeatedBestAvailableSaleAnswersWhatTheOrderReadsBackAs() {
        Shows.Show show = shows.seated(3, 8, Tier.rows("Stalls", 4000, 1, 3));
        ApiClient clerk = server.clerk();

        List<ApiResponse> sales = Race.run(6, i -> clerk.postOnce("/api/sales", Map.of("showId", show.id(),
                "items", List.of(Map.of("tierId", show.tier(0), "quantity", 4)), "payment", CARD)));

        for (ApiResponse sale : sales) {
            assertEquals(201, sale.status(), sale::toString);
            ApiResponse readBack = clerk.get("/api/orders/" + sale.body().get("id").asText());
            assertEquals(readBack.body(), sale.body());
        }
        assertEquals(24, server.number("SELECT count(DISTINCT seat_id) FROM tickets WHERE show_id = ?", show.id()));
        Invariants.check(server, show.id());
    }

    @Test
    void aRetryWithTheSameFieldsInAnotherOrderIsAReplayAndADifferentBodyIsRefused() {
        Shows.Show show = shows.ga(Tier.ga("GA", 1000, 10));
        ApiClient clerk = server.clerk();
        String first = "{\"showId\":" + show.id() + ",\"items\":[{\"tierId\":" + show.tier(0) + ",\"quantity\":2}],"
                + "\"payment\":{\"method\":\"CARD\",\"cardNumber\":\"4242424242424242\"}}";
        String reordered = "{ \"payment\": {\"cardNumber\": \"4242424242424242\", \"method\": \"CARD\"},\n"
                + "  \"items\": [{\"quantity\": 2, \"tierId\": " + show.tier(0) + "}], \"showId\": " + show.id() + " }";

        ApiResponse sold = clerk.postOnce("/api/sales", "reorder", first);
        ApiResponse again = clerk.postOnce("/api/sales", "reorder", reordered);
        ApiResponse different = clerk.postOnce("/api/sales", "reorder", first.replace("\"quantity\":2", "\"quantity\":3"));

        assertEquals(201, sold.status(), sold::toString);
        assertEquals(sold.body(), again.body());
        assertEquals("true", again.header("Idempotent-Replayed"));
        assertEquals("IDEMPOTENCY_KEY_REUSED", different.error(), different::toString);
        assertEquals(2, server.number("SELECT sold FROM tiers WHERE id = ?", show.tier(0)));
    }

    @Test
    void salesSpreadOverSeveralShowsNeverOversellAnyOfThem() {
        List<Shows.Show> spread = IntStream.range(0, 3)
                .mapToObj(i -> shows.ga(Tier.ga("Floor", 3000, 12), Tier.ga("Balcony", 2000, 12))).toList();
        List<ApiClient> clerks = IntStream.range(0, 3).mapToObj(i -> server.clerk()).toList();

        List<ApiResponse> results = Race.run(120, i -> {
            Shows.Show show = spread.get(i % 3);
            return clerks.get(i % 3).postOnce("/api/sales", Map.of("showId", show.id(), "items",
                    List.of(Map.of("tierId", show.tier(i / 3 % 2), "quantity", 1)), "payment", CARD));
        });

        assertEquals(72, results.stream().filter(r -> r.status() == 201).count(), Race.statuses(results));
        assertTrue(results.stream().filter(r -> r.status() != 201)
                .allMatch(r -> "INSUFFICIENT_INVENTORY".equals(r.error())), Race.statuses(results));
        for (Shows.Show show : spread) {
            assertEquals(24, server.number("SELECT sum(sold) FROM tiers WHERE show_id = ?", show.id()));
            Invariants.check(server, show.id());
        }
    }

    @Test
    void aTierOfAnotherShowIsNotFoundEvenWhenBatchedWithThatShow() {
        Shows.Show first = shows.ga(Tier.ga("GA", 1000, 10));
        Shows.Show second = shows.ga(Tier.ga("GA", 1000, 10));
        ApiClient clerk = server.clerk();

        List<ApiResponse> results = Race.run(2, i -> clerk.postOnce("/api/sales", Map.of("showId",
                i == 0 ? second.id() : first.id(), "items", List.of(Map.of("tierId", second.tier(0), "quantity", 1)),
                "payment", CARD)));

        assertEquals(201, results.get(0).status(), results.get(0)::toString);
        assertEquals("NOT_FOUND", results.get(1).error(), results.get(1)::toString);
        assertEquals(0, server.number("SELECT sold FROM tiers WHERE id = ?", first.tier(0)));
        assertEquals(1, server.number("SELECT sold FROM tiers WHERE id = ?", second.tier(0)));
    }

    @Test
    void bestAvailableLooksPastNearRowsWhoseFreeSeatsAreNotTogether() {
        Shows.Show show = shows.seated(5, 4, Tier.rows("Stalls", 4000, 1, 5));
        ApiClient clerk = server.clerk();
        List<Long> gaps = IntStream.rangeClosed(1, 3).boxed()
                .flatMap(row -> List.of(shows.row(show, row).get(1), shows.row(show, row).get(3)).stream()).toList();
        assertEquals(201, clerk.postOnce("/api/sales", Map.of("showId", show.id(), "seatIds", gaps,
                "payment", CARD)).status());

        ApiResponse pair = clerk.postOnce("/api/sales", Map.of("showId", show.id(),
                "items", List.of(Map.of("tierId", show.tier(0), "quantity", 2)), "payment", CARD));

        assertEquals(201, pair.status(), pair::toString);
        List<Long> fourthRow = shows.row(show, 4);
        List<Long> sold = server.query("SELECT t.seat_id FROM tickets t JOIN orders o ON o.id = t.order_id "
                + "WHERE o.id = ?::uuid ORDER BY t.seat_id", pair.body().get("id").asText()).stream()
                .map(row -> ((Number) row.get("seat_id")).longValue()).toList();
        assertTrue(fourthRow.containsAll(sold), "the pair is in row 4, the nearest with two seats together: " + sold);
        assertEquals(1, Math.abs(fourthRow.indexOf(sold.get(0)) - fourthRow.indexOf(sold.get(1))), "side by side");
        Invariants.check(server, show.id());
    }
}
