package dev.marquee.server.onsale;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.marquee.server.testing.ApiClient;
import dev.marquee.server.testing.ApiResponse;
import dev.marquee.server.testing.Shows.Tier;
import dev.marquee.server.testing.Shows;
import dev.marquee.server.testing.TestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A scheduled opening: places taken before it are drawn into a random order; later joiners queue behind. */
class LineDrawTest {

    private static TestServer server;
    private static Shows shows;
    private static ApiClient admin;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        shows = new Shows(server);
        admin = server.admin();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void placesTakenBeforeTheOpeningAreDrawnAndLaterJoinersQueueBehind() {
        Shows.Show show = shows.ga(Tier.ga("GA", 1000, 0));
        shows.offSale(show);
        Instant opening = Instant.now().plusSeconds(2);
        ApiResponse scheduled = admin.patch("/api/admin/shows/" + show.id(),
                Map.of("onSaleAt", opening.toString(), "waitingRoom", "ON"));
        assertEquals(200, scheduled.status(), scheduled.toString());
        List<ApiClient> early = IntStream.range(0, 20).mapToObj(i -> server.fan()).toList();

        for (ApiClient fan : early) {
            ApiResponse joined = fan.post("/api/shows/" + show.id() + "/queue", "");
            assertEquals(201, joined.status(), joined.toString());
            assertEquals("WAITING", joined.body().get("state").asText());
            assertTrue(joined.body().get("number").isNull(), "no number before the draw: " + joined);
            assertTrue(joined.body().get("position").isNull());
        }
        assertEquals(20, server.anonymous().get("/api/shows/" + show.id() + "/queue").body().get("awaitingDraw")
                .asLong());

        await().atMost(Duration.ofSeconds(10)).until(() -> server.anonymous().get("/api/shows/" + show.id())
                .body().get("onSale").asBoolean());
        List<Long> numbers = new ArrayList<>();
        for (ApiClient fan : early) {
            JsonNode place = fan.get("/api/shows/" + show.id() + "/queue/me").body();
            numbers.add(place.get("number").asLong());
        }
        assertEquals(LongRange.of(1, 20), numbers.stream().sorted().toList(), "unique numbers 1..20");
        assertNotEquals(LongRange.of(1, 20), numbers, "the draw is not the join order");
        ApiResponse late = server.fan().post("/api/shows/" + show.id() + "/queue", "");
        assertEquals(21, late.body().get("number").asLong());
        List<Map<String, Object>> draws = server.query(
                "SELECT details::text AS details FROM audit_log WHERE show_id = ? AND action = 'LINE_DRAWN'", show.id());
        assertEquals(1, draws.size());
        assertTrue(draws.getFirst().get("details").toString().contains("\"places\": 20"), draws.toString());
        assertEquals(1, server.number("""
                SELECT count(*) FROM audit_log WHERE show_id = ? AND action = 'SHOW_ON_SALE_CHANGED' AND actor = 'system'
                """, show.id()));
    }

    @Test
    void anAutoShowEngagesItsLineForTheDrawAndAShowWithoutAnOpeningCannotBeJoined() {
        Shows.Show show = shows.ga(Tier.ga("GA", 1000, 100));
        shows.offSale(show);
        ApiClient fan = server.fan();
        assertEquals("NOT_ON_SALE", fan.post("/api/shows/" + show.id() + "/queue", "").error());

        admin.patch("/api/admin/shows/" + show.id(), Map.of("onSaleAt", Instant.now().plusSeconds(1).toString()));
        assertEquals(201, fan.post("/api/shows/" + show.id() + "/queue", "").status());

        WaitingRoomTest.awaitState(fan, show, "ADMITTED");
        assertEquals(1, server.number("""
                SELECT count(*) FROM audit_log WHERE show_id = ? AND action = 'LINE_ENGAGED'
                AND details->>'reason' = 'SCHEDULED_OPENING'""", show.id()));
    }

    @Test
    void aScheduledShowThatNobodyJoinedGoesOnSaleByItself() {
        Shows.Show show = shows.ga(Tier.ga("GA", 1000, 10));
        shows.offSale(show);

        admin.patch("/api/admin/shows/" + show.id(), Map.of("onSaleAt", Instant.now().plusSeconds(1).toString()));

        await().atMost(Duration.ofSeconds(10)).until(() -> server.anonymous().get("/api/shows/" + show.id())
                .body().get("onSale").asBoolean());
        assertEquals(201, WaitingRoomTest.hold(server.fan(), show, 1).status());
    }

    /** The numbers first..last, as a list. */
    private static final class LongRange {
        static List<Long> of(long first, long last) {
            return java.util.stream.LongStream.rangeClosed(first, last).boxed().toList();
        }
    }
}
