package dev.marquee.server.live;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.marquee.server.testing.ApiClient;
import dev.marquee.server.testing.LiveClient;
import dev.marquee.server.testing.RestartablePostgres;
import dev.marquee.server.testing.Shows.Tier;
import dev.marquee.server.testing.Shows;
import dev.marquee.server.testing.TestServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The database restarts mid-stream: clients end with a fresh snapshot and the true final state. */
class LiveDatabaseRestartTest {

    private static final Map<String, Object> CARD = Map.of("method", "CARD", "cardNumber", "4242424242424242");

    @Test
    void aDatabaseRestartEndsWithCorrectSnapshots() {
        try (RestartablePostgres postgres = new RestartablePostgres();
             TestServer server = TestServer.onDatabase(postgres.jdbcUrl(), Duration.ofMinutes(10), false)) {
            Shows.Show show = new Shows(server).ga(Tier.ga("GA", 1000, 100));
            ApiClient clerk = server.clerk();
            try (LiveClient live = LiveClient.connect(server).subscribe(show.id())) {
                await().atMost(Duration.ofSeconds(5)).until(() -> live.latest(show.id()) != null);
                sell(clerk, show, 3);

                postgres.stop();
                assertEquals(503, clerk.postOnce("/api/sales", sale(show, 1)).status());
                postgres.start();
                await().atMost(Duration.ofSeconds(30)).until(() -> clerk.postOnce("/api/sales", sale(show, 2)).status() == 201);
                sell(clerk, show, 1);

                JsonNode database = server.anonymous().get("/api/shows/" + show.id() + "/availability").body();
                await().atMost(Duration.ofSeconds(15)).until(() ->
                        live.latest(show.id()).get("version").asLong() == database.get("version").asLong());
                assertEquals(database.get("tiers"), live.latest(show.id()).get("tiers"));
                // This instance's own sales reach its clients at once; the resync comes when its listener has
                // noticed the restart and listens again, which may be later.
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                    List<String> types = live.messages().stream().map(m -> m.get("type").asText()).toList();
                    assertTrue(types.lastIndexOf("snapshot") > 0, "a fresh snapshot after the restart: " + types);
                });
            }
        }
    }

    @Test
    void aSignInThatCannotBeCheckedIsUnavailableNotUnauthorizedAndTheConnectionStays() {
        try (RestartablePostgres postgres = new RestartablePostgres();
             TestServer server = TestServer.onDatabase(postgres.jdbcUrl(), Duration.ofMinutes(10), false)) {
            // Never used over HTTP, so this instance has not remembered it: signing in asks the database.
            String token = server.fan().token();
            try (LiveClient live = LiveClient.connect(server)) {
                postgres.stop();
                live.sendRaw("{\"type\":\"auth\",\"token\":\"" + token + "\"}");
                await().atMost(Duration.ofSeconds(30)).until(() -> !live.messages().isEmpty());
                assertEquals(List.of("SERVICE_UNAVAILABLE"), errors(live), "the token may well be good");

                postgres.start();
                // Until the pool has a connection again, the answer may still be SERVICE_UNAVAILABLE.
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
                    live.sendRaw("{\"type\":\"auth\",\"token\":\"not-a-session\"}");
                    return errors(live).contains("UNAUTHORIZED");
                });
                assertTrue(live.open(), "the same connection, answered again");
            }
        }
    }

    private static List<String> errors(LiveClient live) {
        return live.messages().stream().filter(m -> m.has("error")).map(m -> m.get("error").asText()).toList();
    }

    private static void sell(ApiClient clerk, Shows.Show show, int quantity) {
        assertEquals(201, clerk.postOnce("/api/sales", sale(show, quantity)).status());
    }

    private static Map<String, Object> sale(Shows.Show show, int quantity) {
        return Map.of("showId", show.id(), "items", List.of(Map.of("tierId", show.tier(0), "quantity", quantity)),
                "payment", CARD);
    }
}
