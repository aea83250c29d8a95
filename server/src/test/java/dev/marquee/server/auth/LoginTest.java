package dev.marquee.server.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marquee.server.testing.ApiClient;
import dev.marquee.server.testing.ApiResponse;
import dev.marquee.server.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** POST /api/auth/login: a fresh random token on success, one and the same answer for every kind of failure. */
class LoginTest {

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
    void loginAnswersATokenItsExpiryAndTheUser() throws Exception {
        String email = newFan("Lou Login");

        ApiResponse login = login(email, PASSWORD);

        assertEquals(200, login.status(), login::toString);
        String token = login.body().get("token").asText();
        assertTrue(Base64.getUrlDecoder().decode(token).length >= 16, "at least 128 random bits: " + token);
        Instant expiresAt = Instant.parse(login.body().get("expiresAt").asText());
        assertTrue(expiresAt.isAfter(Instant.now().plus(Duration.ofMinutes(50))), "the test server's TTL is an hour");
        assertTrue(expiresAt.isBefore(Instant.now().plus(Duration.ofMinutes(70))));
        assertEquals(email, login.body().at("/user/email").asText());
        assertEquals("Lou Login", login.body().at("/user/displayName").asText());
        assertEquals("FAN", login.body().at("/user/role").asText());
        byte[] stored = (byte[]) server.query("""
                SELECT s.token_hash FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.email = ?""", email)
                .getFirst().get("token_hash");
        assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)),
                stored, "only the token's hash is stored");
    }

    @Test
    void theEmailMatchesWhateverItsCase() {
        String email = newFan("Casey");

        ApiResponse login = login(email.toUpperCase(), PASSWORD);

        assertEquals(200, login.status(), login::toString);
        assertEquals(email, login.body().at("/user/email").asText());
    }

    @Test
    void everyLoginGetsItsOwnToken() {
        String email = newFan("Twice");

        String first = login(email, PASSWORD).body().get("token").asText();
        String second = login(email, PASSWORD).body().get("token").asText();

        assertNotEquals(first, second);
        assertEquals(200, new ApiClient(server.baseUrl(), first, null).get("/api/me").status());
        assertEquals(200, new ApiClient(server.baseUrl(), second, null).get("/api/me").status());
    }

    @Test
    void aWrongPasswordAndAnUnknownEmailGetTheSameAnswer() {
        String email = newFan("Wendy Wrong");
        long sessions = server.number("SELECT count(*) FROM sessions");

        ApiResponse wrongPassword = login(email, "not-the-password");
        ApiResponse unknownEmail = login("nobody-" + UUID.randomUUID() + "@example.test", "not-the-password");

        assertEquals(401, wrongPassword.status(), wrongPassword::toString);
        assertEquals("UNAUTHORIZED", wrongPassword.error());
        assertEquals(wrongPassword.status(), unknownEmail.status());
        assertEquals(wrongPassword.body(), unknownEmail.body(), "nothing tells whether the account exists");
        assertNull(wrongPassword.header("Retry-After"));
        assertEquals(sessions, server.number("SELECT count(*) FROM sessions"));
    }

    @Test
    void missingCredentialsAreAValidationFailure() {
        for (Map<String, Object> body : java.util.List.<Map<String, Object>>of(
                Map.of("email", "someone@example.test"), Map.of("password", PASSWORD), Map.of())) {
            ApiResponse login = anyone.post("/api/auth/login", body);
            assertEquals(400, login.status(), body + ": " + login);
            assertEquals("VALIDATION_FAILED", login.error());
        }
    }

    private static ApiResponse login(String email, String password) {
        return anyone.post("/api/auth/login", Map.of("email", email, "password", password));
    }

    private static String newFan(String name) {
        String email = "fan-" + UUID.randomUUID() + "@example.test";
        ApiResponse signup = anyone.post("/api/auth/signup", Map.of("email", email, "password", PASSWORD,
                "displayName", name));
        assertEquals(201, signup.status(), signup::toString);
        return email;
    }
}
