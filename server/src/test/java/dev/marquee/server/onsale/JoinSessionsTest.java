package dev.marquee.server.onsale;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.marquee.server.testing.ApiClient;
import dev.marquee.server.testing.ApiResponse;
import dev.marquee.server.testing.Race;
import dev.marquee.server.testing.Shows.Tier;
import dev.marquee.server.testing.Shows;
import dev.marquee.server.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Joins that arrive together are served in one batch, and their sessions looked up in batches too: fans new to the
 * server, fans it remembers, tokens that name no session and sessions signed out, all joining at once, each hear
 * what a request served alone would.
 */
class JoinSessionsTest {

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
}
