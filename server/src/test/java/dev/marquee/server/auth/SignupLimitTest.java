package dev.marquee.server.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marquee.server.testing.ApiClient;
import dev.marquee.server.testing.ApiResponse;
import dev.marquee.server.testing.Race;
import dev.marquee.server.testing.TestServer;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Sign-ups per client address: a burst, then a steady trickle; other addresses are not affected. */
class SignupLimitTest {

    private static final int BURST = 30;

    private static TestServer server;
    private static ApiClient anyone;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        anyone = server.anonymous();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void oneAddressGetsItsBurstAndNoMoreEvenInParallel() {
        ApiClient from = anyone.from("127.0.2.1");

        List<ApiResponse> answers = Race.run(BURST + 20, i -> signup(from, "burst-" + i + "-" + UUID.randomUUID()));

        assertEquals(BURST, answers.stream().filter(answer -> answer.status() == 201).count(), Race.statuses(answers));
        ApiResponse refused = answers.stream().filter(answer -> answer.status() != 201).findFirst().orElseThrow();
        assertEquals(429, refused.status(), refused::toString);
        assertEquals("TOO_MANY_REQUESTS", refused.error());
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "one more sign-up a minute: Retry-After " + retryAfter);
        assertEquals(BURST, server.number("SELECT count(*) FROM users WHERE email LIKE 'burst-%'"));

        assertEquals(201, signup(anyone.from("127.0.2.2"), "elsewhere-" + UUID.randomUUID()).status(),
                "another address signs up");
    }

    @Test
    void probingForTakenEmailsSpendsTheSameBudget() {
        ApiClient from = anyone.from("127.0.2.3");
        String taken = "taken-" + UUID.randomUUID();
        assertEquals(201, signup(from, taken).status());
        for (int i = 1; i < BURST; i++) {
            assertEquals("USER_EXISTS", signup(from, taken).error(), "probe " + i);
        }

        assertEquals(429, signup(from, taken).status(), "the probes used the address's sign-ups up");
    }

    @Test
    void theBucketRefillsWithTime() {
        ApiClient from = anyone.from("127.0.2.4");
        for (int i = 0; i < BURST; i++) {
            assertEquals(201, signup(from, "refill-" + i + "-" + UUID.randomUUID()).status());
        }
        assertEquals(429, signup(from, "refill-more-" + UUID.randomUUID()).status());

        server.update("UPDATE signup_buckets SET counted_at = counted_at - interval '61 seconds' WHERE address = ?",
                "127.0.2.4");

        assertEquals(201, signup(from, "refill-later-" + UUID.randomUUID()).status(), "a minute brings one back");
        assertEquals(429, signup(from, "refill-later-" + UUID.randomUUID()).status(), "and only one");
    }

    private static ApiResponse signup(ApiClient from, String local) {
        return from.post("/api/auth/signup", Map.of("email", local + "@example.test", "password", "open-sesame-42",
                "displayName", "Someone"));
    }
}
