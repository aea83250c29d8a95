package dev.marquee.server.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.marquee.server.testing.ApiClient;
import dev.marquee.server.testing.ApiResponse;
import dev.marquee.server.testing.TestServer;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Only an administrator reaches the admin inventory routes; nobody else learns anything from them. */
class InventoryAccessTest {

    private static TestServer server;
    private static InventoryFixtures fixtures;
    private static long showId;
    private static long tierId;
    private static long seatId;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        fixtures = new InventoryFixtures(server, server.admin());
        showId = fixtures.show("SEATED", fixtures.venue(1, 2));
        seatId = fixtures.seatIds(showId).getFirst();
        tierId = fixtures.seatedTier(showId, List.of(seatId));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Every admin inventory route with a body that would succeed for an administrator. */
    static Stream<Arguments> routes() {
        return Stream.of(
                Arguments.of("POST", "/api/admin/venues",
                        Map.of("name", "Club", "sections", List.of(Map.of("name", "A", "rows", 1, "seatsPerRow", 1)))),
                Arguments.of("GET", "/api/admin/venues", null),
                Arguments.of("POST", "/api/admin/events", Map.of("title", "Gig", "description", "")),
                Arguments.of("POST", "/api/admin/events/1/shows",
                        Map.of("venueId", 1, "startsAt", "2030-01-01T20:00:00Z", "seatingMode", "GA")),
                Arguments.of("PATCH", "/api/admin/shows/" + showId, Map.of("onSale", false)),
                Arguments.of("POST", "/api/admin/shows/" + showId + "/tiers",
                        Map.of("name", "Box", "priceCents", 100, "seatIds", List.of(seatId + 1))),
                Arguments.of("PATCH", "/api/admin/tiers/" + tierId, Map.of("priceCents", 1)),
                Arguments.of("POST", "/api/admin/shows/" + showId + "/seats/block",
                        Map.of("seatIds", List.of(seatId), "reason", "camera")),
                Arguments.of("POST", "/api/admin/shows/" + showId + "/seats/unblock",
                        Map.of("seatIds", List.of(seatId))));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("routes")
    void anonymousCallerIsAskedToSignIn(String method, String path, Object body) {
        assertRefused(server.anonymous(), method, path, body, 401, "UNAUTHORIZED");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("routes")
    void clerkIsForbidden(String method, String path, Object body) {
        assertRefused(server.clerk(), method, path, body, 403, "FORBIDDEN");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("routes")
    void fanIsForbidden(String method, String path, Object body) {
        assertRefused(server.fan(), method, path, body, 403, "FORBIDDEN");
    }

    @Test
    void forbiddenWinsOverBadInputSoOutsidersLearnNothing() {
        ApiResponse answer = server.fan().post("/api/admin/shows/999999/tiers", "{not json");
        assertEquals(403, answer.status(), answer::toString);
    }

    @Test
    void invalidTokenIsUnauthorized() {
        ApiResponse answer = new ApiClient(server.baseUrl(), "forged-token", null).get("/api/admin/venues");
        assertEquals(401, answer.status(), answer::toString);
        assertEquals("UNAUTHORIZED", answer.error());
    }

    private static void assertRefused(ApiClient client, String method, String path, Object body, int status,
                                      String code) {
        var before = fixtures.inventorySnapshot();
        ApiResponse answer = switch (method) {
            case "GET" -> client.get(path);
            case "PATCH" -> client.patch(path, body);
            default -> client.post(path, body);
        };
        assertEquals(status, answer.status(), answer::toString);
        assertEquals(code, answer.error());
        assertEquals(before, fixtures.inventorySnapshot(), "a refused request changed nothing");
    }
}
