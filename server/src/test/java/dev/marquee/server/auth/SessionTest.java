package dev.marquee.server.auth;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marquee.server.testing.ApiClient;
import dev.marquee.server.testing.ApiResponse;
import dev.marquee.server.testing.TestServer;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** GET /api/me and POST /api/auth/logout: a token works until it expires or is signed out, and not a moment longer. */
class SessionTest {

    private static final String PASSWORD = "open-sesame-42";

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void meAnswersTheSignedInUser() {
        ApiClient clerk = server.clerk();

        ApiResponse me = clerk.get("/api/me");

        assertEquals(200, me.status(), me::toString);
        assertEquals(clerk.userId(), me.body().get("id").asText());
        assertEquals("CLERK", me.body().get("role").asText());
        assertEquals("Test CLERK", me.body().get("displayName").asText());
        assertTrue(me.body().get("email").asText().endsWith("@marquee.test"));
    }

    @Test
    void meWithoutATokenIsUnauthorized() {
        assertUnauthorized(server.anonymous().get("/api/me"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer not-a-real-token", "Bearer ", "Bearer", "Basic YWRtaW46YWRtaW4=", "Token abc",
            "bearer' OR '1'='1", "Bearer 0000000000000000000000000000000000000000000"})
    void meWithAnInvalidAuthorizationHeaderIsUnauthorized(String header) {
        assertUnauthorized(server.anonymous().raw("GET", "/api/me", null, "Authorization", header));
    }

    @Test
    void anOverlongTokenIsUnauthorized() {
        assertUnauthorized(new ApiClient(server.baseUrl(), "x".repeat(5000), null).get("/api/me"));
    }

    @Test
    void anExpiredSessionIsUnauthorized() {
        ApiClient fan = server.fan();
        server.update("UPDATE sessions SET expires_at = now() - interval '1 second' WHERE user_id = ?::uuid",
                fan.userId());

        assertUnauthorized(fan.get("/api/me"));
    }

    @Test
    void aSessionEndedBehindTheServersBackIsUnauthorizedOnceTheCacheForgetsIt() {
        ApiClient fan = server.fan();
        assertEquals(200, fan.get("/api/me").status());

        server.update("DELETE FROM sessions WHERE user_id = ?::uuid", fan.userId());

        await().atMost(Duration.ofSeconds(3)).until(() -> fan.get("/api/me").status() == 401);
        assertUnauthorized(fan.get("/api/me"));
    }

    @Test
    void logoutEndsThatSessionOnly() {
        String email = "fan-" + UUID.randomUUID() + "@example.test";
        assertEquals(201, server.anonymous().post("/api/auth/signup",
                Map.of("email", email, "password", PASSWORD, "displayName", "Two Devices")).status());
        ApiClient laptop = signIn(email);
        ApiClient phone = signIn(email);

        ApiResponse logout = laptop.post("/api/auth/logout", Map.of());

        assertEquals(204, logout.status(), logout::toString);
        assertTrue(logout.body().isMissingNode(), "204 has no body");
        assertUnauthorized(laptop.get("/api/me"));
        assertUnauthorized(laptop.post("/api/auth/logout", Map.of()));
        assertEquals(200, phone.get("/api/me").status(), "the other session still works");
        assertEquals(1, server.number("SELECT count(*) FROM sessions WHERE user_id = ?::uuid", phone.userId()));
    }

    @Test
    void logoutWithoutABodyWorksToo() {
        ApiClient fan = server.fan();

        ApiResponse logout = fan.raw("POST", "/api/auth/logout", null);

        assertEquals(204, logout.status(), logout::toString);
        assertUnauthorized(fan.get("/api/me"));
    }

    @Test
    void logoutWithoutATokenIsUnauthorizedAndEndsNothing() {
        long sessions = server.number("SELECT count(*) FROM sessions");

        assertUnauthorized(server.anonymous().post("/api/auth/logout", Map.of()));

        assertEquals(sessions, server.number("SELECT count(*) FROM sessions"));
    }

    private static ApiClient signIn(String email) {
        ApiResponse login = server.anonymous().post("/api/auth/login", Map.of("email", email, "password", PASSWORD));
        assertEquals(200, login.status(), login::toString);
        return new ApiClient(server.baseUrl(), login.body().get("token").asText(), login.body().at("/user/id").asText());
    }

    private static void assertUnauthorized(ApiResponse answer) {
        assertEquals(401, answer.status(), answer::toString);
        assertEquals("UNAUTHORIZED", answer.error());
        assertFalse(answer.body().get("message").asText().isBlank());
    }
}
