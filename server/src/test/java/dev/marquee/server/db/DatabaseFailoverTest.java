package dev.marquee.server.db;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.marquee.server.testing.ApiClient;
import dev.marquee.server.testing.ApiResponse;
import dev.marquee.server.testing.Invariants;
import dev.marquee.server.testing.LiveClient;
import dev.marquee.server.testing.PostgresPair;
import dev.marquee.server.testing.Shows.Tier;
import dev.marquee.server.testing.Shows;
import dev.marquee.server.testing.TestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The primary dies under the server and its synchronous standby is promoted: while nothing can write the server
 * answers 503 with Retry-After, then it sells on the new primary with no confirmed sale lost, a retried sale not
 * sold twice, and its live clients resynced.
 */
class DatabaseFailoverTest {

    private static final Map<String, Object> CARD = Map.of("method", "CARD", "cardNumber", "4242424242424242");

    @Test
    void aPromotedStandbyTakesOverWithNothingLostOrSoldTwice() {
        try (PostgresPair pair = PostgresPair.start();
             TestServer server = TestServer.onDatabase(pair.jdbcUrl(), TestServer.Tuning.DEFAULT)) {
            Shows.Show show = new Shows(server).ga(Tier.ga("GA", 1000, 100));
            ApiClient clerk = server.clerk();
            try (LiveClient live = LiveClient.connect(server).subscribe(show.id())) {
                await().atMost(Duration.ofSeconds(5)).until(() -> live.latest(show.id()) != null);
                ApiResponse confirmed = clerk.postOnce("/api/sales", "before-the-failover", sale(show, 3));
                assertEquals(201, confirmed.status(), confirmed.toString());

                pair.killPrimary();
                ApiResponse down = clerk.postOnce("/api/sales", "during-the-failover", sale(show, 2));
                assertEquals(503, down.status(), down.toString());
                assertEquals("SERVICE_UNAVAILABLE", down.error());
                assertNotNull(down.header("Retry-After"), "503 says when to try again");
                ApiResponse browsing = server.anonymous().get("/api/events");
                assertEquals(503, browsing.status(), "reads through DbClient fail alike: " + browsing);

                pair.promote();
                Instant promoted = Instant.now();
                // The client retries with the same key, as the contract asks, until the new primary takes it.
                await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).until(() ->
                        clerk.postOnce("/api/sales", "during-the-failover", sale(show, 2)).status() == 201);
                assertTrue(Duration.between(promoted, Instant.now()).toSeconds() < 10, "selling again within 10 s");

                assertEquals(200, server.anonymous().get("/api/events").status(), "browsing again");
                ApiResponse replay = clerk.postOnce("/api/sales", "before-the-failover", sale(show, 3));
                assertEquals(confirmed.body().get("id"), replay.body().get("id"),
                        "the sale confirmed on the old primary is on the new one, and its retry is a replay");
                ApiResponse again = clerk.postOnce("/api/sales", "during-the-failover", sale(show, 2));
                assertTrue(again.status() == 200 || again.status() == 201, again.toString());

                JsonNode database = server.anonymous().get("/api/shows/" + show.id() + "/availability").body();
                assertEquals(5, database.get("tiers").get(0).get("sold").asInt(), database.toString());
                await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
                    List<String> types = live.messages().stream().map(m -> m.get("type").asText()).toList();
                    assertTrue(types.lastIndexOf("snapshot") > 0, "a fresh snapshot after the failover: " + types);
                    assertEquals(database.get("tiers"), live.latest(show.id()).get("tiers"));
                });
                Invariants.check(server, show.id());
            }
        }
    }

    private static Map<String, Object> sale(Shows.Show show, int quantity) {
        return Map.of("showId", show.id(), "items", List.of(Map.of("tierId", show.tier(0), "quantity", quantity)),
                "payment", CARD);
    }
}
