package dev.marquee.server.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marquee.server.testing.ApiClient;
import dev.marquee.server.testing.ApiResponse;
import dev.marquee.server.testing.TestServer;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Repeated failed sign-ins for one email are slowed down with 429, the same way whether or not it exists. */
class LoginThrottleTest {

    private static final String PASSWORD = "open-sesame-42";

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
    void afterRepeatedFailuresEvenTheRightPasswordWaitsWithRetryAfter() {
        String email = newFan();
        failTimes(email, LoginThrottle.FREE_FAILURES);

        ApiResponse throttled = login(email, PASSWORD);

        assertEquals(429, throttled.status(), throttled::toString);
        assertEquals("TOO_MANY_REQUESTS", throttled.error());
        assertFalse(throttled.body().get("message").asText().isBlank());
        long retryAfter = Long.parseLong(throttled.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 300, "Retry-After " + retryAfter);
        assertEquals(0, server.number("""
                SELECT count(*) FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.email = ?""", email));
    }

    @Test
    void anUnknownEmailIsThrottledExactlyLikeAKnownOne() {
        String known = newFan();
        String unknown = "ghost-" + UUID.randomUUID() + "@example.test";
        failTimes(known, LoginThrottle.FREE_FAILURES);
        failTimes(unknown, LoginThrottle.FREE_FAILURES);

        ApiResponse knownAnswer = login(known, "guess");
        ApiResponse unknownAnswer = login(unknown, "guess");

        assertEquals(429, knownAnswer.status(), knownAnswer::toString);
        assertEquals(knownAnswer.status(), unknownAnswer.status());
        assertEquals(knownAnswer.error(), unknownAnswer.error());
        assertEquals(knownAnswer.body().get("message"), unknownAnswer.body().get("message"));
    }

    @Test
    void throttlingOneAccountLeavesOthersAlone() {
        String victim = newFan();
        String bystander = newFan();
        failTimes(victim, LoginThrottle.FREE_FAILURES);

        assertEquals(429, login(victim, PASSWORD).status());
        assertEquals(200, login(bystander, PASSWORD).status());
    }

    @Test
    void theWaitGrowsWithFurtherFailuresAndASuccessForgivesThem() {
        String email = newFan();
        failTimes(email, LoginThrottle.FREE_FAILURES);
        long firstWait = Long.parseLong(login(email, "guess").header("Retry-After"));

        server.update("UPDATE login_failures SET last_failure = last_failure - make_interval(secs => ?) WHERE email = ?",
                (double) firstWait, email);
        assertEquals(401, login(email, "still-guessing").status(), "the wait is over, so the guess is checked");
        long secondWait = Long.parseLong(login(email, "guess").header("Retry-After"));
        assertTrue(secondWait > firstWait, "waits grow: " + firstWait + " then " + secondWait);

        server.update("UPDATE login_failures SET last_failure = now() - interval '1 hour' WHERE email = ?", email);
        assertEquals(200, login(email, PASSWORD).status());
        assertEquals(0, server.number("SELECT count(*) FROM login_failures WHERE email = ?", email));
    }

    private static void failTimes(String email, int times) {
        for (int i = 0; i < times; i++) {
            ApiResponse failure = login(email, "wrong-" + i);
            assertEquals(401, failure.status(), "failure " + (i + 1) + " is not throttled yet: " + failure);
        }
    }

    private static ApiResponse login(String email, String password) {
        return anyone.post("/api/auth/login", Map.of("email", email, "password", password));
    }

    private static String newFan() {
        String email = "fan-" + UUID.randomUUID() + "@example.test";
        ApiResponse signup = anyone.post("/api/auth/signup", Map.of("email", email, "password", PASSWORD,
                "displayName", "Fan"));
        assertEquals(201, signup.status(), signup::toString);
        return email;
    }
}
