package dev.marquee.server.live;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.marquee.server.testing.ApiClient;
import dev.marquee.server.testing.ApiResponse;
import dev.marquee.server.testing.LiveClient;
import dev.marquee.server.testing.Race;
import dev.marquee.server.testing.Shows.Tier;
import dev.marquee.server.testing.Shows;
import dev.marquee.server.testing.TestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Pushes over /ws: a snapshot on subscribe, then the truth after every committed change. */
class LiveAvailabilityTest {

    private static final Map<String, Object> CARD = Map.of("method", "CARD", "cardNumber", "4242424242424242");

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
    void subscribingSendsASnapshotThenAHoldIsPushedWithinASecond() {
        Shows.Show show = shows.seated(2, 10, Tier.rows("Stalls", 5000, 1, 2));
        try (LiveClient live = LiveClient.connect(server).subscribe(show.id())) {
            await().atMost(Duration.ofSeconds(5)).until(() -> live.latest(show.id()) != null);
            JsonNode snapshot = live.latest(show.id());
            assertEquals("snapshot", snapshot.get("type").asText());
            assertEquals(20, snapshot.get("seats").size());
            assertEquals(20, snapshot.at("/tiers/0/available").asInt());

            long heldAt = System.currentTimeMillis();
            ApiResponse hold = server.fan().postOnce("/api/holds", Map.of("showId", show.id(),
                    "seatIds", shows.row(show, 1).subList(0, 2)));
            assertEquals(201, hold.status());

            await().atMost(Duration.ofSeconds(1)).until(() -> "availability".equals(live.latest(show.id()).get("type").asText()));
            JsonNode pushed = live.latest(show.id());
            assertEquals(2, pushed.at("/tiers/0/held").asInt());
            assertEquals(2, pushed.get("seats").size(), "only the changed seats");
            assertTrue(pushed.get("seats").findValuesAsText("status").stream().allMatch("HELD"::equals));
            assertTrue(pushed.get("version").asLong() > snapshot.get("version").asLong());
            Instant committedAt = Instant.parse(pushed.get("committedAt").asText());
            assertTrue(Math.abs(committedAt.toEpochMilli() - heldAt) < 5_000, "committedAt is the commit time");
        }
    }

    @Test
    void afterABurstOfFiveHundredConcurrentBookingsTheLastPushEqualsTheDatabase() {
        Shows.Show show = shows.ga(Tier.ga("GA", 1000, 1000), Tier.ga("VIP", 5000, 200));
        ApiClient clerk = server.clerk();
        try (LiveClient live = LiveClient.connect(server).subscribe(show.id())) {
            await().atMost(Duration.ofSeconds(5)).until(() -> live.latest(show.id()) != null);

            Race.run(500, i -> clerk.postOnce("/api/sales", Map.of("showId", show.id(), "items",
                    List.of(Map.of("tierId", show.tier(i % 2), "quantity", 1 + i % 4)), "payment", CARD)));

            JsonNode database = server.anonymous().get("/api/shows/" + show.id() + "/availability").body();
            await().atMost(Duration.ofSeconds(3)).until(() ->
                    live.latest(show.id()).get("version").asLong() == database.get("version").asLong());
            assertEquals(database.get("tiers"), live.latest(show.id()).get("tiers"));
            List<Long> versions = live.messages().stream().map(m -> m.get("version").asLong()).toList();
            for (int i = 1; i < versions.size(); i++) {
                assertTrue(versions.get(i) > versions.get(i - 1), "versions only grow: " + versions);
            }
            assertTrue(versions.size() < 300, "changes were coalesced: " + versions.size() + " messages");
        }
    }

    @Test
    void aStalledClientDoesNotDelayAFastOne() {
        Shows.Show show = shows.seated(10, 20, Tier.rows("Stalls", 5000, 1, 10));
        ApiClient clerk = server.clerk();
        try (LiveClient stalled = LiveClient.connectStalled(server).subscribe(show.id());
             LiveClient fast = LiveClient.connect(server).subscribe(show.id())) {
            await().atMost(Duration.ofSeconds(5)).until(() -> fast.latest(show.id()) != null);
            for (int i = 1; i <= 10; i++) {
                long soldAt = System.currentTimeMillis();
                ApiResponse sale = clerk.postOnce("/api/sales", Map.of("showId", show.id(),
                        "items", List.of(Map.of("tierId", show.tier(0), "quantity", 2)), "payment", CARD));
                assertEquals(201, sale.status());
                long version = server.number("SELECT version FROM shows WHERE id = ?", show.id());
                await().atMost(Duration.ofSeconds(1)).until(() -> fast.latest(show.id()).get("version").asLong() >= version);
                assertTrue(System.currentTimeMillis() - soldAt < 1_000);
            }
            stalled.resume();
            long last = server.number("SELECT version FROM shows WHERE id = ?", show.id());
            await().atMost(Duration.ofSeconds(5)).until(() -> stalled.latest(show.id()) != null
                    && stalled.latest(show.id()).get("version").asLong() == last);
        }
    }

    @Test
    void badMessagesGetAnErrorAndTheConnectionStaysUseful() {
        Shows.Show show = shows.ga(Tier.ga("GA", 1000, 10));
        try (LiveClient live = LiveClient.connect(server)) {
            live.sendRaw("not json");
            live.sendRaw("{\"type\":\"dance\",\"showIds\":[1]}");
            live.subscribe(987654);
            live.subscribe(show.id());
            await().atMost(Duration.ofSeconds(5)).until(() -> live.latest(show.id()) != null);
            List<String> errors = live.messages().stream().filter(m -> "error".equals(m.path("type").asText()))
                    .map(m -> m.get("error").asText()).toList();
            assertEquals(List.of("VALIDATION_FAILED", "VALIDATION_FAILED", "NOT_FOUND"), errors);
        }
    }

    @Test
    void unsubscribedShowsAreNoLongerPushed() {
        Shows.Show show = shows.ga(Tier.ga("GA", 1000, 10));
        ApiClient clerk = server.clerk();
        try (LiveClient live = LiveClient.connect(server).subscribe(show.id())) {
            await().atMost(Duration.ofSeconds(5)).until(() -> live.latest(show.id()) != null);
            live.unsubscribe(show.id());
            LiveClient other = LiveClient.connect(server).subscribe(show.id());
            await().atMost(Duration.ofSeconds(5)).until(() -> other.latest(show.id()) != null);
            int before = live.messages().size();
            clerk.postOnce("/api/sales", Map.of("showId", show.id(),
                    "items", List.of(Map.of("tierId", show.tier(0), "quantity", 1)), "payment", CARD));
            await().atMost(Duration.ofSeconds(2)).until(() -> "availability".equals(other.latest(show.id()).get("type").asText()));
            assertEquals(before, live.messages().size());
            other.close();
        }
    }
}
