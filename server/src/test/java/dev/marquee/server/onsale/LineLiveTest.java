package dev.marquee.server.onsale;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.marquee.server.testing.ApiClient;
import dev.marquee.server.testing.LiveClient;
import dev.marquee.server.testing.Shows.Tier;
import dev.marquee.server.testing.Shows;
import dev.marquee.server.testing.TestServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A subscriber of a show whose line is engaged hears every move of the line, from any instance. */
class LineLiveTest {

    private static TestServer server;
    private static TestServer other;
    private static Shows shows;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        other = TestServer.onDatabase(server.dbUrl(), Duration.ofMinutes(10), false);
        shows = new Shows(server);
    }

    @AfterAll
    static void stop() {
        other.close();
        server.close();
    }

    @Test
    void joinsAdmissionsAndTheSellOutReachSubscribersOfAnotherInstance() {
        Shows.Show show = shows.ga(Tier.ga("GA", 1000, 1));
        shows.waitingRoom(show, "ON");
        try (LiveClient live = LiveClient.connect(other).subscribe(show.id())) {
            ApiClient holder = server.clerk();
            String hold = WaitingRoomTest.hold(holder, show, 1).body().get("id").asText();
            List.of(server.fan(), server.fan(), server.fan())
                    .forEach(fan -> fan.post("/api/shows/" + show.id() + "/queue", ""));

            await().atMost(Duration.ofSeconds(5)).until(() -> lastQueue(live, show) != null
                    && lastQueue(live, show).get("waiting").asLong() == 3);
            assertEquals(0, lastQueue(live, show).get("nowServing").asLong());

            holder.postOnce("/api/holds/" + hold + "/checkout", Map.of("payment",
                    Map.of("method", "CARD", "cardNumber", "4242424242424242")));
            await().atMost(Duration.ofSeconds(5)).until(() -> lastQueue(live, show).get("soldOut").asBoolean());
            assertEquals(0, lastQueue(live, show).get("waiting").asLong());
        }
    }

    private static JsonNode lastQueue(LiveClient live, Shows.Show show) {
        List<JsonNode> queue = live.messages().stream()
                .filter(m -> "queue".equals(m.path("type").asText()) && m.path("showId").asLong() == show.id())
                .toList();
        return queue.isEmpty() ? null : queue.getLast();
    }
}
