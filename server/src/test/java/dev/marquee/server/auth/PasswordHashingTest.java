package dev.marquee.server.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marquee.server.testing.ApiClient;
import dev.marquee.server.testing.ApiResponse;
import dev.marquee.server.testing.Race;
import dev.marquee.server.testing.TestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Password checks queue on their own threads: a flood of sign-ins beyond the queue is answered 429 at once
 * instead of taking the request threads (and the cores) that bookings need.
 */
class PasswordHashingTest {

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestServer.Tuning.DEFAULT
                .set("MARQUEE_PASSWORD_COST", 12)
                .set("MARQUEE_PASSWORD_THREADS", 1)
                .set("MARQUEE_PASSWORD_QUEUE", 2));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void signInsBeyondTheQueueAreRefusedAtOnceAndGiveTheirReservationsBack() {
        int flood = 24;

        List<ApiResponse> answers = Race.run(flood, i -> server.anonymous().from("127.0.3." + (i + 1)).post(
                "/api/auth/login", Map.of("email", "nobody-" + i + "@example.test", "password", "wrong-password")));

        long checked = answers.stream().filter(answer -> answer.status() == 401).count();
        List<ApiResponse> refused = answers.stream().filter(answer -> answer.status() == 429).toList();
        assertEquals(flood, checked + refused.size(), Race.statuses(answers));
        assertTrue(refused.size() >= flood / 2, "one thread and a queue of two cannot check " + flood + " at once: "
                + Race.statuses(answers));
        assertTrue(refused.getFirst().body().get("message").asText().contains("sign-ins at once"), refused::toString);
        assertEquals("1", refused.getFirst().header("Retry-After"));
        assertEquals(0, server.number("SELECT coalesce(sum(pending), 0) FROM sign_in_attempts"));
        assertEquals(checked, server.number("SELECT coalesce(sum(failures), 0) FROM sign_in_attempts"
                + " WHERE subject LIKE 'email:%'"), "only checked passwords count as failures");

        ApiClient fan = server.fan();
        assertEquals(200, fan.get("/api/me").status(), "signing in works again once the flood has passed");
    }
}
