package dev.marquee.server.onsale;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.marquee.server.testing.ApiClient;
import dev.marquee.server.testing.ApiResponse;
import dev.marquee.server.testing.Shows.Tier;
import dev.marquee.server.testing.Shows;
import dev.marquee.server.testing.TestServer;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** An admission not used within its window expires, and its share goes to the next fan in line. */
class AdmissionExpiryTest {

    private static TestServer server;
    private static Shows shows;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestServer.Tuning.DEFAULT.admissionWindow(Duration.ofSeconds(1)));
        shows = new Shows(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void anUnusedAdmissionExpiresAndTheNextFanIsAdmitted() {
        Shows.Show show = shows.ga(Tier.ga("GA", 1000, 1));
        shows.waitingRoom(show, "ON");
        ApiClient idle = server.fan();
        ApiClient next = server.fan();
        idle.post("/api/shows/" + show.id() + "/queue", "");
        next.post("/api/shows/" + show.id() + "/queue", "");
        WaitingRoomTest.awaitState(idle, show, "ADMITTED");
        assertEquals("WAITING", next.get("/api/shows/" + show.id() + "/queue/me").body().get("state").asText(),
                "one ticket: one fan admitted at a time");

        WaitingRoomTest.awaitState(idle, show, "EXPIRED");
        WaitingRoomTest.awaitState(next, show, "ADMITTED");

        ApiResponse late = WaitingRoomTest.hold(idle, show, 1);
        assertEquals("QUEUE_REQUIRED", late.error(), late.toString());
        ApiResponse again = idle.post("/api/shows/" + show.id() + "/queue", "");
        assertEquals(201, again.status());
        assertEquals(3, again.body().get("number").asLong(), "joining again goes to the back");
        assertEquals(201, WaitingRoomTest.hold(next, show, 1).status());
        assertEquals(1, server.number("SELECT count(*) FROM queue_places WHERE show_id = ? AND used_at IS NOT NULL",
                show.id()));
    }
}
