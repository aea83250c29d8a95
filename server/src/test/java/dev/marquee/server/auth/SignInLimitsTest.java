package dev.marquee.server.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import at.favre.lib.crypto.bcrypt.BCrypt;
import dev.marquee.server.testing.ApiClient;
import dev.marquee.server.testing.ApiResponse;
import dev.marquee.server.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Guessing is slowed per email and per client address; nobody can keep an owner out. Each test signs in from
 * loopback addresses of its own, standing for different machines.
 */
class SignInLimitsTest {

    private static final String PASSWORD = "open-sesame-42";
    private static final int ACCOUNT_FREE = 5;
    private static final int ADDRESS_FREE = 20;
    private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger(1);

    private static TestServer server;
    private static ApiClient anyone;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestServer.Tuning.DEFAULT.set("MARQUEE_PASSWORD_COST", 8));
        anyone = server.anonymous();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void parallelGuessesForOneAccountGetOnlyTheFreeChecks() throws Exception {
        String email = newFan();
        ApiClient attacker = anyone.from(newAddress());
        int guesses = 100;
        CountDownLatch go = new CountDownLatch(1);
        List<Future<ApiResponse>> answers = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(50)) {
            for (int i = 0; i < guesses; i++) {
                String guess = "guess-" + i;
                answers.add(threads.submit(() -> {
                    go.await();
                    return login(attacker, email, guess);
                }));
            }
            go.countDown();
            int checked = 0;
            int throttled = 0;
            for (Future<ApiResponse> answer : answers) {
                ApiResponse response = answer.get();
                if (response.status() == 401) {
                    checked++;
                } else {
                    assertEquals(429, response.status(), response::toString);
                    throttled++;
                }
            }
            assertEquals(ACCOUNT_FREE, checked, "passwords checked");
            assertEquals(guesses - ACCOUNT_FREE, throttled);
        }
        assertEquals(ACCOUNT_FREE, server.number("SELECT failures FROM sign_in_attempts WHERE subject = ?",
                "email:" + email));
        assertEquals(0, server.number("SELECT sum(pending) FROM sign_in_attempts"), "every reservation was given back");
    }

    @Test
    void aGuesserKeepsTheOwnerOutOnlyFromItsOwnAddress() {
        String email = newFan();
        ApiClient attacker = anyone.from(newAddress());
        failTimes(attacker, email, ACCOUNT_FREE);
        ApiResponse attackerAgain = login(attacker, email, PASSWORD);
        assertEquals(429, attackerAgain.status(), "even the right password waits at the guesser's address");

        ApiResponse owner = login(anyone.from(newAddress()), email, PASSWORD);

        assertEquals(200, owner.status(), "the owner at a clean address signs in: " + owner);
        assertEquals(0, server.number("SELECT failures FROM sign_in_attempts WHERE subject = ?", "email:" + email),
                "the owner's success forgives the email");
    }

    @Test
    void aCleanAddressGetsOneWrongGuessPastTheDelayThenIsItselfSlowed() {
        String email = newFan();
        failTimes(anyone.from(newAddress()), email, ACCOUNT_FREE);
        ApiClient other = anyone.from(newAddress());

        assertEquals(401, login(other, email, "still-guessing").status(), "a clean address is checked");
        ApiResponse again = login(other, email, PASSWORD);

        assertEquals(429, again.status(), "but no longer clean, it waits out the account's delay: " + again);
    }

    @Test
    void anAddressGuessingManyAccountsIsSlowedForAllOfThem() {
        ApiClient attacker = anyone.from(newAddress());
        for (int i = 0; i < ADDRESS_FREE; i++) {
            assertEquals(401, login(attacker, "victim-" + i + "-" + UUID.randomUUID() + "@example.test", "guess")
                    .status(), "failure " + (i + 1) + " is free");
        }
        String fresh = newFan();

        ApiResponse throttled = login(attacker, fresh, PASSWORD);

        assertEquals(429, throttled.status(), throttled::toString);
        assertTrue(throttled.body().get("message").asText().contains("address"), throttled::toString);
        assertEquals(200, login(anyone.from(newAddress()), fresh, PASSWORD).status(), "other addresses are not");
    }

    @Test
    void afterRepeatedFailuresTheGuessersRightPasswordWaitsWithRetryAfter() {
        String email = newFan();
        ApiClient from = anyone.from(newAddress());
        failTimes(from, email, ACCOUNT_FREE);

        ApiResponse throttled = login(from, email, PASSWORD);

        assertEquals(429, throttled.status(), throttled::toString);
        assertEquals("TOO_MANY_REQUESTS", throttled.error());
        assertFalse(throttled.body().get("message").asText().isBlank());
        long retryAfter = Long.parseLong(throttled.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
        assertEquals(0, server.number("""
                SELECT count(*) FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.email = ?""", email));
    }

    @Test
    void anUnknownEmailIsThrottledExactlyLikeAKnownOne() {
        String known = newFan();
        String unknown = "ghost-" + UUID.randomUUID() + "@example.test";
        ApiClient from = anyone.from(newAddress());
        failTimes(from, known, ACCOUNT_FREE);
        ApiClient elsewhere = anyone.from(newAddress());
        failTimes(elsewhere, unknown, ACCOUNT_FREE);

        ApiResponse knownAnswer = login(from, known, "guess");
        ApiResponse unknownAnswer = login(elsewhere, unknown, "guess");

        assertEquals(429, knownAnswer.status(), knownAnswer::toString);
        assertEquals(knownAnswer.status(), unknownAnswer.status());
        assertEquals(knownAnswer.error(), unknownAnswer.error());
        assertEquals(knownAnswer.body().get("message"), unknownAnswer.body().get("message"));
    }

    @Test
    void theWaitGrowsWithFurtherFailuresToAShortMaximumAndASuccessForgivesThem() {
        String email = newFan();
        ApiClient from = anyone.from(newAddress());
        failTimes(from, email, ACCOUNT_FREE);
        long firstWait = Long.parseLong(login(from, email, "guess").header("Retry-After"));

        pastTheWait(email, firstWait);
        assertEquals(401, login(from, email, "still-guessing").status(), "the wait is over, so the guess is checked");
        long secondWait = Long.parseLong(login(from, email, "guess").header("Retry-After"));
        assertTrue(secondWait > firstWait, "waits grow: " + firstWait + " then " + secondWait);
        for (int i = 0; i < 10; i++) {
            pastTheWait(email, 120);
            assertEquals(401, login(from, email, "guess-" + i).status());
        }
        long longestWait = Long.parseLong(login(from, email, "guess").header("Retry-After"));
        assertTrue(longestWait <= 60, "the account's wait stays short: " + longestWait);

        pastTheWait(email, 3600);
        assertEquals(200, login(from, email, PASSWORD).status());
        assertEquals(0, server.number("SELECT failures FROM sign_in_attempts WHERE subject = ?", "email:" + email));
    }

    private static void pastTheWait(String email, long seconds) {
        server.update("""
                UPDATE sign_in_attempts SET last_failure = last_failure - make_interval(secs => ?)
                WHERE subject = ?""", (double) seconds, "email:" + email);
    }

    private static void failTimes(ApiClient from, String email, int times) {
        for (int i = 0; i < times; i++) {
            ApiResponse failure = login(from, email, "wrong-" + i);
            assertEquals(401, failure.status(), "failure " + (i + 1) + " is not throttled yet: " + failure);
        }
    }

    private static ApiResponse login(ApiClient from, String email, String password) {
        return from.post("/api/auth/login", Map.of("email", email, "password", password));
    }

    private static String newAddress() {
        return "127.0.1." + NEXT_ADDRESS.getAndIncrement();
    }

    private static String newFan() {
        String email = "fan-" + UUID.randomUUID() + "@example.test";
        server.update("INSERT INTO users (email, password_hash, display_name, role) VALUES (?, ?, 'Fan', 'FAN')",
                email, BCrypt.withDefaults().hashToString(4, PASSWORD.toCharArray()));
        return email;
    }
}
