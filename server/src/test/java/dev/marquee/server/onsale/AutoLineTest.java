package dev.marquee.server.onsale;

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
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * AUTO: the line engages by itself where the show would otherwise refuse fans for load, and disengages once it has
 * been idle a while. The server refuses for load early here (a lane head 50 ms old, 2 requests waiting for a
 * connection) and an idle line disengages after a second.
 */
class AutoLineTest {

    private static TestServer server;
    private static Shows shows;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestServer.Tuning.DEFAULT.refusingAfter(Duration.ofMillis(50), 2)
                .autoIdle(Duration.ofSeconds(1)));
        shows = new Shows(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void fansAreSentToTheLineInsteadOfBeingRefusedAndTheIdleLineDisengages() throws Exception {
        Shows.Show show = shows.ga(Tier.ga("GA", 1000, 500));
        List<ApiClient> fans = IntStream.range(0, 80).mapToObj(i -> server.fan()).toList();

        // The show's tiers are locked for a while, as a slow database would: bookings pile up behind them.
        List<RushingFan.Outcome> outcomes = server.whileLocked("SELECT id FROM tiers WHERE show_id = ? FOR UPDATE",
                () -> {
                    CompletableFuture<List<RushingFan.Outcome>> rush = CompletableFuture.supplyAsync(
                            () -> Race.run(fans.size(), i -> RushingFan.buy(fans.get(i), show)));
                    // Locked until the demand has engaged the line: what the fans hear meanwhile is the point.
                    await().atMost(Duration.ofSeconds(20)).until(() -> server.number("""
                            SELECT count(*) FROM audit_log WHERE show_id = ? AND action = 'LINE_ENGAGED'""",
                            show.id()) > 0);
                    return rush;
                }, show.id()).get();

        List<Integer> statuses = outcomes.stream().flatMap(o -> o.statuses().stream()).toList();
        assertTrue(statuses.stream().noneMatch(status -> status == 429), "no fan refused for load: " + statuses);
        assertTrue(statuses.contains(409), "some fans were sent to the line: " + statuses);
        assertTrue(outcomes.stream().allMatch(o -> o.end().equals("BOUGHT")), outcomes.toString());
        assertEquals(1, server.number("""
                SELECT count(*) FROM audit_log WHERE show_id = ? AND action = 'LINE_ENGAGED'
                AND details->>'reason' = 'DEMAND'""", show.id()));

        await().atMost(Duration.ofSeconds(10)).until(() -> !server.anonymous()
                .get("/api/shows/" + show.id() + "/queue").body().get("engaged").asBoolean());
        assertEquals(1, server.number("SELECT count(*) FROM audit_log WHERE show_id = ? AND action = 'LINE_DISENGAGED'",
                show.id()));
        assertEquals(201, WaitingRoomTest.hold(server.fan(), show, 1).status(), "a fan books directly again");
        Invariants.check(server, show.id());
    }

    @Test
    void aShowWhoseWaitingRoomIsOffStillRefusesForLoad() throws Exception {
        Shows.Show show = shows.ga(Tier.ga("GA", 1000, 500));
        shows.waitingRoom(show, "OFF");
        List<ApiClient> fans = IntStream.range(0, 80).mapToObj(i -> server.fan()).toList();

        List<ApiResponse> results = server.whileLocked("SELECT id FROM tiers WHERE show_id = ? FOR UPDATE", () -> {
            AtomicInteger answered = new AtomicInteger();
            CompletableFuture<List<ApiResponse>> rush = CompletableFuture.supplyAsync(
                    () -> Race.run(fans.size(), i -> {
                        ApiResponse response = WaitingRoomTest.hold(fans.get(i), show, 1);
                        answered.incrementAndGet();
                        return response;
                    }));
            // Locked until the server has answered some fans while it cannot book: those answers are the point.
            await().atMost(Duration.ofSeconds(20)).until(() -> answered.get() > 0);
            return rush;
        }, show.id()).get();

        assertTrue(results.stream().anyMatch(r -> r.status() == 429), Race.statuses(results));
        assertTrue(results.stream().noneMatch(r -> "QUEUE_REQUIRED".equals(r.error())), Race.statuses(results));
        assertEquals(0, server.number("SELECT count(*) FROM audit_log WHERE show_id = ? AND action = 'LINE_ENGAGED'",
                show.id()));
        Invariants.check(server, show.id());
    }
}
