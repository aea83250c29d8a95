package dev.marquee.server.onsale;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.marquee.server.testing.ApiClient;
import dev.marquee.server.testing.ApiResponse;
import dev.marquee.server.testing.Invariants;
import dev.marquee.server.testing.Race;
import dev.marquee.server.testing.Shows.Tier;
import dev.marquee.server.testing.Shows;
import dev.marquee.server.testing.TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One line per show: places, their order, admission, leaving, and the answers a line gives. */
class WaitingRoomTest {

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
    void joiningAShowWhoseLineIsNotEngagedAdmitsAtOnce() {
        Shows.Show show = shows.ga(Tier.ga("GA", 1000, 100));
        ApiClient fan = server.fan();

        ApiResponse joined = fan.post("/api/shows/" + show.id() + "/queue", "");

        assertEquals(201, joined.status(), joined.toString());
        assertEquals("ADMITTED", joined.body().get("state").asText());
        assertEquals(0, joined.body().get("position").asLong());
        assertTrue(joined.body().hasNonNull("admittedUntil"));
        assertFalse(server.anonymous().get("/api/shows/" + show.id() + "/queue").body().get("engaged").asBoolean());
        assertEquals(201, hold(fan, show, 1).status(), "a line that is not engaged never stands in the way");
    }

    @Test
    void anEngagedLineNumbersFansInArrivalOrderAndARepeatJoinAnswersTheSamePlace() {
        Shows.Show show = lineThatWaits();
        List<ApiClient> fans = List.of(server.fan(), server.fan(), server.fan());

        List<ApiResponse> joins = fans.stream().map(fan -> fan.post("/api/shows/" + show.id() + "/queue", "")).toList();

        for (int i = 0; i < joins.size(); i++) {
            assertEquals(201, joins.get(i).status(), joins.get(i).toString());
            assertEquals("WAITING", joins.get(i).body().get("state").asText());
            assertEquals(i + 1, joins.get(i).body().get("number").asLong());
            assertEquals(i + 1, joins.get(i).body().get("position").asLong());
        }
        ApiResponse again = fans.get(1).post("/api/shows/" + show.id() + "/queue", "");
        assertEquals(200, again.status());
        assertEquals(2, again.body().get("number").asLong());
        assertEquals(2, fans.get(1).get("/api/shows/" + show.id() + "/queue/me").body().get("number").asLong());
        JsonNode line = server.anonymous().get("/api/shows/" + show.id() + "/queue").body();
        assertTrue(line.get("engaged").asBoolean());
        assertEquals(3, line.get("waiting").asLong());
        assertEquals(0, line.get("nowServing").asLong());
    }

    @Test
    void aFanWithoutAnAdmissionIsSentToTheLineAndChangesNothingWhileStaffSellAtTheCounter() {
        Shows.Show show = shows.ga(Tier.ga("GA", 1000, 10));
        shows.waitingRoom(show, "ON");
        ApiClient fan = server.fan();

        ApiResponse refused = hold(fan, show, 1);

        assertEquals(409, refused.status(), refused.toString());
        assertEquals("QUEUE_REQUIRED", refused.error());
        assertEquals(show.id(), refused.body().at("/details/showId").asLong());
        assertEquals(0, server.number("SELECT held FROM tiers WHERE id = ?", show.tier(0)));
        assertEquals(201, hold(server.clerk(), show, 2).status(), "the counter never queues");
        assertEquals(201, server.clerk().postOnce("/api/sales", Map.of("showId", show.id(),
                "items", List.of(Map.of("tierId", show.tier(0), "quantity", 1)), "payment", CARD)).status());
        Invariants.check(server, show.id());
    }

    @Test
    void anAdmittedFanBuysAndTheSameKeyWorksOnceAdmitted() {
        Shows.Show show = shows.ga(Tier.ga("GA", 1000, 10));
        shows.waitingRoom(show, "ON");
        ApiClient fan = server.fan();
        Map<String, Object> body = Map.of("showId", show.id(),
                "items", List.of(Map.of("tierId", show.tier(0), "quantity", 2)));
        assertEquals("QUEUE_REQUIRED", fan.postOnce("/api/holds", "key-1", body).error());

        fan.post("/api/shows/" + show.id() + "/queue", "");
        JsonNode admitted = awaitState(fan, show, "ADMITTED");
        assertEquals(0, admitted.get("position").asLong());

        ApiResponse hold = fan.postOnce("/api/holds", "key-1", body);
        assertEquals(201, hold.status(), "QUEUE_REQUIRED is not stored against the key: " + hold);
        assertEquals(201, fan.postOnce("/api/holds/" + hold.body().get("id").asText() + "/checkout",
                Map.of("payment", CARD)).status());
        assertTrue(server.number("SELECT count(*) FROM queue_places WHERE show_id = ? AND used_at IS NOT NULL",
                show.id()) == 1, "the admission was taken by the hold");
        Invariants.check(server, show.id());
    }

    @Test
    void leavingGivesThePlaceUpAndAReturningFanGoesToTheBack() {
        Shows.Show show = lineThatWaits();
        ApiClient first = server.fan();
        ApiClient second = server.fan();
        first.post("/api/shows/" + show.id() + "/queue", "");
        second.post("/api/shows/" + show.id() + "/queue", "");

        assertEquals(204, first.delete("/api/shows/" + show.id() + "/queue/me").status());

        assertEquals("LEFT", first.get("/api/shows/" + show.id() + "/queue/me").body().get("state").asText());
        assertEquals(1, server.anonymous().get("/api/shows/" + show.id() + "/queue").body().get("waiting").asLong());
        assertEquals(204, first.delete("/api/shows/" + show.id() + "/queue/me").status(), "leaving twice is fine");
        ApiResponse back = first.post("/api/shows/" + show.id() + "/queue", "");
        assertEquals(201, back.status());
        assertEquals(3, back.body().get("number").asLong());
    }

    @Test
    void theLineAnswersInTheContractsShape() {
        Shows.Show show = shows.ga(Tier.ga("GA", 1000, 10));
        ApiClient fan = server.fan();
        assertEquals(404, fan.get("/api/shows/" + show.id() + "/queue/me").status(), "never joined");
        assertEquals(404, fan.delete("/api/shows/" + show.id() + "/queue/me").status());
        assertEquals("NOT_FOUND", fan.post("/api/shows/999999/queue", "").error());
        assertEquals("NOT_FOUND", server.anonymous().get("/api/shows/999999/queue").error());
        assertEquals("NOT_FOUND", fan.post("/api/shows/abc/queue", "").error());
        assertEquals(401, server.anonymous().post("/api/shows/" + show.id() + "/queue", "").status());

        shows.offSale(show);
        ApiResponse offSale = fan.post("/api/shows/" + show.id() + "/queue", "");
        assertEquals(409, offSale.status());
        assertEquals("NOT_ON_SALE", offSale.error());
        assertEquals(0, server.number("SELECT count(*) FROM queue_places WHERE show_id = ?", show.id()));
    }

    @Test
    void whenTheShowSellsOutEveryoneStillWaitingIsTold() {
        Shows.Show show = shows.ga(Tier.ga("GA", 1000, 2));
        shows.waitingRoom(show, "ON");
        List<ApiClient> fans = List.of(server.fan(), server.fan(), server.fan(), server.fan(), server.fan());
        fans.forEach(fan -> fan.post("/api/shows/" + show.id() + "/queue", ""));

        for (ApiClient buyer : fans.subList(0, 2)) {
            awaitState(buyer, show, "ADMITTED");
            ApiResponse hold = hold(buyer, show, 1);
            assertEquals(201, hold.status(), hold.toString());
            assertEquals(201, buyer.postOnce("/api/holds/" + hold.body().get("id").asText() + "/checkout",
                    Map.of("payment", CARD)).status());
        }

        for (ApiClient late : fans.subList(2, 5)) {
            awaitState(late, show, "SOLD_OUT");
        }
        JsonNode line = server.anonymous().get("/api/shows/" + show.id() + "/queue").body();
        assertTrue(line.get("soldOut").asBoolean());
        assertEquals(0, line.get("waiting").asLong());
        assertEquals("SOLD_OUT", server.fan().post("/api/shows/" + show.id() + "/queue", "").body().get("state")
                .asText(), "a fan who comes after the sell-out is told at once");
        assertEquals(1, server.number("SELECT count(*) FROM audit_log WHERE show_id = ? AND action = 'LINE_SOLD_OUT'",
                show.id()));
        Invariants.check(server, show.id());
    }

    @Test
    void whileHeldTicketsMayComeBackTheLineSaysSoAndKeepsWaiting() {
        Shows.Show show = shows.ga(Tier.ga("GA", 1000, 1));
        shows.waitingRoom(show, "ON");
        ApiClient holder = server.fan();
        ApiClient waiting = server.fan();
        holder.post("/api/shows/" + show.id() + "/queue", "");
        waiting.post("/api/shows/" + show.id() + "/queue", "");
        awaitState(holder, show, "ADMITTED");
        ApiResponse hold = hold(holder, show, 1);
        assertEquals(201, hold.status());

        await().atMost(Duration.ofSeconds(5)).until(() -> server.anonymous()
                .get("/api/shows/" + show.id() + "/queue").body().get("onlyHeldLeft").asBoolean());
        assertEquals("WAITING", waiting.get("/api/shows/" + show.id() + "/queue/me").body().get("state").asText());

        holder.delete("/api/holds/" + hold.body().get("id").asText());
        awaitState(waiting, show, "ADMITTED");
    }

    /**
     * Joins that arrive together are served in one batch, their sessions looked up in batches too: fans new to the
     * server, fans it remembers, tokens that name no session and sessions signed out, all joining at once, each hear
     * what a request served alone would.
     */
    @Test
    void everyJoinInABatchIsAnsweredForItsOwnSession() {
        Shows.Show show = shows.ga(Tier.ga("GA", 1000, 10));
        shows.waitingRoom(show, "ON");
        String path = "/api/shows/" + show.id() + "/queue";
        List<ApiClient> fans = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            fans.add(server.fan());
        }
        // Ten of them the server has just seen (it remembers their sessions); the rest are new to it.
        fans.subList(0, 10).forEach(fan -> assertEquals(200, fan.get("/api/me").status()));
        List<ApiClient> signedOut = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ApiClient fan = server.fan();
            assertEquals(200, fan.get("/api/me").status());
            assertEquals(204, fan.post("/api/auth/logout", Map.of()).status());
            signedOut.add(fan);
        }
        List<ApiClient> strangers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            strangers.add(new ApiClient(server.baseUrl(), "no-such-token-" + UUID.randomUUID(), null));
        }
        List<ApiClient> everyone = new ArrayList<>(fans);
        everyone.addAll(signedOut);
        everyone.addAll(strangers);
        // The same fan twice at once: one place, the repeat answered 200.
        everyone.add(fans.get(20));

        List<ApiResponse> answers = Race.run(everyone.size(), i -> everyone.get(i).post(path, ""));

        for (int i = 0; i < fans.size(); i++) {
            assertEquals("WAITING", answers.get(i).body().get("state").asText(), answers.get(i).toString());
        }
        for (int i = fans.size(); i < fans.size() + 10; i++) {
            assertEquals(401, answers.get(i).status(), answers.get(i).toString());
            assertEquals("UNAUTHORIZED", answers.get(i).error());
        }
        List<Integer> twice = List.of(answers.get(20).status(), answers.getLast().status());
        assertEquals(List.of(200, 201), twice.stream().sorted().toList(), "one join and one repeat: " + twice);
        assertEquals(answers.get(20).body().get("number"), answers.getLast().body().get("number"));
        assertEquals(30, server.number("SELECT count(*) FROM queue_places WHERE show_id = ?", show.id()));
        assertEquals(30, server.number("SELECT count(DISTINCT number) FROM queue_places WHERE show_id = ?",
                show.id()));
    }

    @Test
    void aFanWhoJoinedAndSignedOutCannotJoinWithTheOldToken() {
        Shows.Show show = shows.ga(Tier.ga("GA", 1000, 10));
        shows.waitingRoom(show, "ON");
        String path = "/api/shows/" + show.id() + "/queue";
        ApiClient fan = server.fan();
        assertEquals(201, fan.post(path, "").status());
        // The server remembers the session now: the fan's next request is served from its cache.
        assertEquals("WAITING", fan.get(path + "/me").body().get("state").asText());
        assertEquals(204, fan.post("/api/auth/logout", Map.of()).status());

        ApiResponse again = fan.post(path, "");
        assertEquals(401, again.status(), again.toString());
        assertEquals(401, fan.get(path + "/me").status());
    }

    /**
     * An engaged line that admits nobody for now: the counter holds every ticket, so nothing is on sale but the
     * show is not sold out either.
     */
    private static Shows.Show lineThatWaits() {
        Shows.Show show = shows.ga(Tier.ga("GA", 1000, 10));
        shows.waitingRoom(show, "ON");
        assertEquals(201, hold(server.clerk(), show, 10).status());
        return show;
    }

    static JsonNode awaitState(ApiClient fan, Shows.Show show, String state) {
        JsonNode[] place = new JsonNode[1];
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() -> {
            place[0] = fan.get("/api/shows/" + show.id() + "/queue/me").body();
            return state.equals(place[0].path("state").asText());
        });
        return place[0];
    }

    static ApiResponse hold(ApiClient who, Shows.Show show, int quantity) {
        return who.postOnce("/api/holds", Map.of("showId", show.id(),
                "items", List.of(Map.of("tierId", show.tier(0), "quantity", quantity))));
    }
}
