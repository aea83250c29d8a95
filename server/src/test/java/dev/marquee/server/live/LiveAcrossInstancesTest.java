package dev.marquee.server.live;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.marquee.server.testing.ApiClient;
import dev.marquee.server.testing.ApiResponse;
import dev.marquee.server.testing.Invariants;
import dev.marquee.server.testing.LiveClient;
import dev.marquee.server.testing.Race;
import dev.marquee.server.testing.Shows.Tier;
import dev.marquee.server.testing.Shows;
import dev.marquee.server.testing.TestServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Two server instances on one PostgreSQL: pushes cross over, and buyers spread over both never oversell. */
class LiveAcrossInstancesTest {

    private static final Map<String, Object> CARD = Map.of("method", "CARD", "cardNumber", "4242424242424242");

    private static TestServer a;
    private static TestServer b;
    private static Shows shows;

    @BeforeAll
    static void start() {
        a = TestServer.start();
        b = TestServer.onDatabase(a.dbUrl(), Duration.ofMinutes(10), false);
        shows = new Shows(a);
    }

    @AfterAll
    static void stop() {
        b.close();
        a.close();
    }

    @Test
    void aClientOfInstanceBSeesAHoldMadeOnInstanceA() {
        Shows.Show show = shows.seated(2, 10, Tier.rows("Stalls", 5000, 1, 2));
        try (LiveClient onB = LiveClient.connect(b).subscribe(show.id())) {
            await().atMost(Duration.ofSeconds(5)).until(() -> onB.latest(show.id()) != null);

            ApiResponse hold = a.fan().postOnce("/api/holds", Map.of("showId", show.id(),
                    "seatIds", shows.row(show, 2).subList(4, 6)));
            assertEquals(201, hold.status());

            await().atMost(Duration.ofSeconds(1)).until(() -> onB.latest(show.id()).at("/tiers/0/held").asInt() == 2);
            assertEquals(List.of("HELD", "HELD"), onB.latest(show.id()).get("seats").findValuesAsText("status"));
        }
    }

    @Test
    void buyersSpreadOverBothInstancesNeverOversell() {
        Shows.Show show = shows.ga(Tier.ga("GA", 1000, 40));
        List<ApiClient> fans = java.util.stream.IntStream.range(0, 100)
                .mapToObj(i -> (i % 2 == 0 ? a : b).fan()).toList();
        try (LiveClient onA = LiveClient.connect(a).subscribe(show.id());
             LiveClient onB = LiveClient.connect(b).subscribe(show.id())) {
            List<ApiResponse> results = Race.run(100, i -> {
                ApiResponse hold = fans.get(i).postOnce("/api/holds",
                        Map.of("showId", show.id(), "items", List.of(Map.of("tierId", show.tier(0), "quantity", 1))));
                return hold.status() != 201 ? hold : fans.get(i).postOnce(
                        "/api/holds/" + hold.body().get("id").asText() + "/checkout", Map.of("payment", CARD));
            });

            assertEquals(40, results.stream().filter(r -> r.status() == 201).count(), Race.statuses(results));
            Invariants.check(a, show.id());
            JsonNode database = a.anonymous().get("/api/shows/" + show.id() + "/availability").body();
            for (LiveClient live : List.of(onA, onB)) {
                await().atMost(Duration.ofSeconds(3)).until(() -> live.latest(show.id()) != null
                        && live.latest(show.id()).get("version").asLong() == database.get("version").asLong());
                assertEquals(database.get("tiers"), live.latest(show.id()).get("tiers"));
                assertTrue(live.latest(show.id()).at("/tiers/0/sold").asInt() == 40);
            }
        }
    }

    @Test
    void aSignOutOnInstanceAEndsTheSessionOnInstanceBAtOnce() {
        ApiClient fanOnA = a.fan();
        ApiClient fanOnB = new ApiClient(b.baseUrl(), fanOnA.token(), fanOnA.userId());
        assertEquals(200, fanOnB.get("/api/me").status(), "B now has the session cached");

        assertEquals(204, fanOnA.post("/api/auth/logout", Map.of()).status());

        // Well inside the one-second cache time: the sign-out is announced, not waited out.
        await().atMost(Duration.ofMillis(800)).until(() -> fanOnB.get("/api/me").status() == 401);
    }
}
