package dev.marquee.server.booking;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marquee.server.testing.ApiClient;
import dev.marquee.server.testing.ApiResponse;
import dev.marquee.server.testing.Invariants;
import dev.marquee.server.testing.Race;
import dev.marquee.server.testing.Shows.Tier;
import dev.marquee.server.testing.Shows;
import dev.marquee.server.testing.TestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Holds that live two seconds: their stock comes back by itself, and a checkout that comes too late says so. */
class HoldExpiryTest {

    private static final Map<String, Object> CARD = Map.of("method", "CARD", "cardNumber", "4242424242424242");

    private static TestServer server;
    private static Shows shows;

    @BeforeAll
    static void start() {
        server = TestServer.start(Duration.ofSeconds(2));
        shows = new Shows(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void expiredHoldReturnsItsStockWithinFiveSecondsWithoutAnyoneAsking() {
        Shows.Show show = shows.seated(1, 10, Tier.rows("Stalls", 5000, 1, 1));
        ApiResponse hold = server.fan().postOnce("/api/holds",
                Map.of("showId", show.id(), "items", List.of(Map.of("tierId", show.tier(0), "quantity", 3))));
        assertEquals(201, hold.status(), hold::toString);
        Instant expiresAt = Instant.parse(hold.body().get("expiresAt").asText());
        assertEquals(3, held(show));

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> held(show) == 0);

        assertTrue(Instant.now().isBefore(expiresAt.plusSeconds(5)), "stock returned within 5 s of expiry");
        assertEquals("EXPIRED", server.query("SELECT status FROM holds WHERE id = ?::uuid",
                hold.body().get("id").asText()).getFirst().get("status"));
        assertEquals(1, server.number("SELECT count(*) FROM audit_log WHERE action = 'HOLD_EXPIRED' AND show_id = ?",
                show.id()));
        Invariants.check(server, show.id());
    }

    @Test
    void checkoutAfterExpiryAnswersGoneAndTheStockIsBack() {
        Shows.Show show = shows.ga(Tier.ga("GA", 1000, 5));
        ApiClient fan = server.fan();
        ApiResponse hold = fan.postOnce("/api/holds",
                Map.of("showId", show.id(), "items", List.of(Map.of("tierId", show.tier(0), "quantity", 5))));
        Instant expiresAt = Instant.parse(hold.body().get("expiresAt").asText());
        await().atMost(Duration.ofSeconds(5)).until(() -> Instant.now().isAfter(expiresAt));

        ApiResponse checkout = fan.postOnce("/api/holds/" + hold.body().get("id").asText() + "/checkout",
                Map.of("payment", CARD));

        assertEquals(410, checkout.status(), checkout::toString);
        assertEquals("HOLD_EXPIRED", checkout.error());
        assertEquals(0, held(show));
        assertEquals(0, server.number("SELECT count(*) FROM orders WHERE show_id = ?", show.id()));
        Invariants.check(server, show.id());
    }

    @Test
    void checkoutsRacingTheExpirySweepEitherSellOrExpireNeverBoth() {
        Shows.Show show = shows.seated(2, 10, Tier.rows("Stalls", 5000, 1, 2));
        List<ApiClient> fans = IntStream.range(0, 20).mapToObj(i -> server.fan()).toList();
        List<ApiResponse> holds = IntStream.range(0, 20).mapToObj(i -> fans.get(i).postOnce("/api/holds",
                Map.of("showId", show.id(), "items", List.of(Map.of("tierId", show.tier(0), "quantity", 1))))).toList();
        Instant lastExpiry = holds.stream().map(h -> Instant.parse(h.body().get("expiresAt").asText()))
                .max(Instant::compareTo).orElseThrow();
        await().atMost(Duration.ofSeconds(5)).until(() -> Instant.now().isAfter(lastExpiry.minusMillis(150)));

        List<ApiResponse> results = Race.run(20, i -> fans.get(i).postOnce(
                "/api/holds/" + holds.get(i).body().get("id").asText() + "/checkout", Map.of("payment", CARD)));

        assertTrue(results.stream().allMatch(r -> r.status() == 201 || "HOLD_EXPIRED".equals(r.error())),
                Race.statuses(results));
        long sold = results.stream().filter(r -> r.status() == 201).count();
        await().atMost(Duration.ofSeconds(10)).until(() -> held(show) == 0);
        assertEquals(sold, server.number("SELECT sold FROM tiers WHERE id = ?", show.tier(0)));
        assertEquals(sold, server.number("SELECT count(*) FROM holds WHERE show_id = ? AND status = 'CHECKED_OUT'",
                show.id()));
        Invariants.check(server, show.id());
    }

    private static long held(Shows.Show show) {
        return server.number("SELECT sum(held) FROM tiers WHERE show_id = ?", show.id());
    }
}
