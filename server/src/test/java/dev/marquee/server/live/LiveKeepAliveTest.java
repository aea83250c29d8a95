package dev.marquee.server.live;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marquee.server.testing.LiveClient;
import dev.marquee.server.testing.RawWebSocket;
import dev.marquee.server.testing.Shows.Tier;
import dev.marquee.server.testing.Shows;
import dev.marquee.server.testing.TestServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Idle connections are closed, but a WebSocket client that answers the server's pings stays connected however
 * long it has nothing to say; one that never answers is let go.
 */
class LiveKeepAliveTest {

    private static final int IDLE_SECONDS = 2;

    private static TestServer server;
    private static int port;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestServer.Tuning.DEFAULT.set("MARQUEE_HTTP_IDLE_TIMEOUT_SECONDS", IDLE_SECONDS));
        port = Integer.parseInt(server.baseUrl().substring(server.baseUrl().lastIndexOf(':') + 1));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aQuietClientThatAnswersPingsStaysConnected() {
        Shows.Show show = new Shows(server).ga(Tier.ga("GA", 100, 10));
        try (LiveClient live = LiveClient.connect(server).subscribe(show.id())) {
            await().atMost(Duration.ofSeconds(5)).until(() -> live.latest(show.id()) != null);
            long before = live.latest(show.id()).get("version").asLong();
            // Held open through three idle timeouts: the condition is checked all along, not slept past.
            await().during(Duration.ofSeconds(IDLE_SECONDS * 3L)).atMost(Duration.ofSeconds(IDLE_SECONDS * 3L + 5))
                    .until(live::open);

            assertEquals(201, server.clerk().postOnce("/api/sales", Map.of("showId", show.id(),
                    "items", List.of(Map.of("tierId", show.tier(0), "quantity", 1)),
                    "payment", Map.of("method", "CARD", "cardNumber", "4242424242424242"))).status());
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> live.latest(show.id()).get("version").asLong() > before);
        }
    }

    @Test
    void aClientThatNeverAnswersIsLetGo() {
        try (RawWebSocket silent = RawWebSocket.open(port)) {
            List<RawWebSocket.Frame> frames = silent.frames(IDLE_SECONDS * 5 * 1000);

            assertTrue(frames.stream().anyMatch(frame -> frame.opCode() == 0x9), "pinged: " + frames);
            assertTrue(silent.closedByServer(IDLE_SECONDS * 5 * 1000), "then closed");
        }
    }
}
