package dev.marquee.server.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.marquee.server.testing.ApiClient;
import dev.marquee.server.testing.ApiResponse;
import dev.marquee.server.testing.TestServer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class InventoryTierTest {

    private static TestServer server;
    private static ApiClient admin;
    private static InventoryFixtures fixtures;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        admin = server.admin();
        fixtures = new InventoryFixtures(server, admin);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void gaTierIsCreatedWithAllOfItsCapacityAvailable() {
        long showId = fixtures.gaShow();
        long version = fixtures.version(showId);

        ApiResponse answer = admin.post("/api/admin/shows/" + showId + "/tiers",
                Map.of("name", "Floor", "priceCents", 4_500, "capacity", 300));

        assertEquals(201, answer.status(), answer::toString);
        JsonNode tier = answer.body();
        assertEquals(showId, tier.get("showId").asLong());
        assertEquals("Floor", tier.get("name").asText());
        assertEquals(4_500, tier.get("priceCents").asInt());
        assertEquals(300, tier.get("capacity").asInt());
        assertEquals(300, tier.get("available").asInt());
        assertEquals(0, tier.get("held").asInt());
        assertEquals(0, tier.get("sold").asInt());
        assertEquals("GA", tier.get("seatingMode").asText());
        assertEquals(version + 1, fixtures.version(showId));
        assertEquals("TIER_CREATED", fixtures.auditActions(showId).getLast());
        JsonNode availability = server.anonymous().get("/api/shows/" + showId + "/availability").body();
        assertEquals(300, availability.at("/tiers/0/available").asInt());
    }

    @Test
    void seatedTierTakesItsSeatsAndCountsOnlyUnblockedOnes() {
        long showId = fixtures.show("SEATED", fixtures.venue(2, 5));
        List<Long> seats = fixtures.seatIds(showId);
        server.update("UPDATE show_seats SET status = 'BLOCKED', blocked_reason = 'pillar' WHERE show_id = ? AND seat_id = ?",
                showId, seats.get(1));

        ApiResponse answer = admin.post("/api/admin/shows/" + showId + "/tiers",
                Map.of("name", "Front", "priceCents", 9_000, "seatIds", seats.subList(0, 4)));

        assertEquals(201, answer.status(), answer::toString);
        long tierId = answer.body().get("id").asLong();
        assertEquals(3, answer.body().get("capacity").asInt());
        assertEquals("SEATED", answer.body().get("seatingMode").asText());
        assertEquals(List.of(seats.get(0), seats.get(1), seats.get(2), seats.get(3)), server.query(
                "SELECT seat_id FROM show_seats WHERE tier_id = ? ORDER BY seat_id", tierId).stream()
                .map(row -> ((Number) row.get("seat_id")).longValue()).toList());
        JsonNode availability = server.anonymous().get("/api/shows/" + showId + "/availability").body();
        assertEquals(3, availability.at("/tiers/0/available").asInt());
        assertEquals("BLOCKED", availability.at("/seats/1/status").asText());
    }

    @Test
    void seatAlreadyInATierIsUnavailableAndNothingChanges() {
        long showId = fixtures.show("SEATED", fixtures.venue(1, 4));
        List<Long> seats = fixtures.seatIds(showId);
        fixtures.seatedTier(showId, seats.subList(0, 2));
        var before = fixtures.inventorySnapshot();

        ApiResponse answer = admin.post("/api/admin/shows/" + showId + "/tiers",
                Map.of("name", "Overlap", "priceCents", 100, "seatIds", seats.subList(1, 4)));

        assertEquals(409, answer.status(), answer::toString);
        assertEquals("SEAT_UNAVAILABLE", answer.error());
        assertEquals(seats.get(1).longValue(), answer.body().at("/details/seatIds/0").asLong());
        assertEquals(1, answer.body().at("/details/seatIds").size());
        assertEquals(before, fixtures.inventorySnapshot());
    }

    @Test
    void seatOfAnotherVenueIsRefused() {
        long showId = fixtures.show("SEATED", fixtures.venue(1, 2));
        long otherShow = fixtures.show("SEATED", fixtures.venue(1, 2));
        long foreignSeat = fixtures.seatIds(otherShow).getFirst();
        var before = fixtures.inventorySnapshot();

        ApiResponse answer = admin.post("/api/admin/shows/" + showId + "/tiers", Map.of("name", "X", "priceCents", 1,
                "seatIds", List.of(fixtures.seatIds(showId).getFirst(), foreignSeat)));

        assertEquals(400, answer.status(), answer::toString);
        assertEquals("seatIds", answer.body().at("/details/field").asText());
        assertEquals(foreignSeat, answer.body().at("/details/seatIds/0").asLong());
        assertEquals(before, fixtures.inventorySnapshot());
    }

    static Stream<Arguments> badTiers() {
        return Stream.of(
                Arguments.of("GA", "GA tier given seats", tier("A", 100, null, List.of(1L))),
                Arguments.of("GA", "GA tier without capacity", tier("A", 100, null, null)),
                Arguments.of("GA", "negative capacity", tier("A", 100, -1, null)),
                Arguments.of("GA", "capacity over a million", tier("A", 100, 1_000_001, null)),
                Arguments.of("GA", "negative price", tier("A", -1, 10, null)),
                Arguments.of("GA", "price over ten million cents", tier("A", 10_000_001, 10, null)),
                Arguments.of("GA", "no price", tier("A", null, 10, null)),
                Arguments.of("GA", "blank name", tier(" ", 100, 10, null)),
                Arguments.of("GA", "name too long", tier("n".repeat(101), 100, 10, null)),
                Arguments.of("SEATED", "seated tier given capacity", tier("A", 100, 10, List.of())),
                Arguments.of("SEATED", "seated tier without seats", tier("A", 100, null, null)),
                Arguments.of("SEATED", "empty seat list", tier("A", 100, null, List.of())),
                Arguments.of("SEATED", "seat listed twice", tier("A", 100, null, List.of(5L, 5L))),
                Arguments.of("SEATED", "negative seat id", tier("A", 100, null, List.of(-5L))));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badTiers")
    void badTierIsRefusedAndNothingIsStored(String mode, String why, Map<String, Object> body) {
        long showId = fixtures.show(mode, fixtures.venue(1, 3));
        var before = fixtures.inventorySnapshot();

        ApiResponse answer = admin.post("/api/admin/shows/" + showId + "/tiers", body);

        assertEquals(400, answer.status(), answer::toString);
        assertEquals("VALIDATION_FAILED", answer.error());
        assertEquals(before, fixtures.inventorySnapshot());
    }

    @Test
    void tierOfUnknownShowIsNotFound() {
        ApiResponse answer = admin.post("/api/admin/shows/987654/tiers",
                Map.of("name", "A", "priceCents", 1, "capacity", 1));
        assertEquals(404, answer.status(), answer::toString);
        assertEquals("NOT_FOUND", answer.error());
    }

    @Test
    void priceChangeIsAuditedAndLeavesHeldPricesAlone() {
        long showId = fixtures.gaShow();
        long tierId = fixtures.gaTier(showId, 100);
        UUID holdId = holdTickets(showId, tierId, 2, 4_500);
        long version = fixtures.version(showId);

        ApiResponse answer = admin.patch("/api/admin/tiers/" + tierId, Map.of("priceCents", 5_000));

        assertEquals(200, answer.status(), answer::toString);
        assertEquals(5_000, answer.body().get("priceCents").asInt());
        assertEquals(100, answer.body().get("capacity").asInt());
        assertEquals(98, answer.body().get("available").asInt());
        assertEquals(2, answer.body().get("held").asInt());
        assertEquals(4_500, server.number("SELECT unit_price_cents FROM hold_items WHERE hold_id = ?", holdId));
        assertEquals(version + 1, fixtures.version(showId));
        assertEquals(1, server.number("""
                SELECT count(*) FROM audit_log WHERE show_id = ? AND action = 'TIER_CHANGED'
                AND details @> jsonb_build_object('tierId', ?::bigint, 'oldPriceCents', 4500, 'newPriceCents', 5000,
                                                  'oldCapacity', 100, 'newCapacity', 100)""", showId, tierId));
    }

    @Test
    void capacityMayShrinkDownToWhatIsSoldAndHeld() {
        long showId = fixtures.gaShow();
        long tierId = fixtures.gaTier(showId, 100);
        server.update("UPDATE tiers SET sold = 3 WHERE id = ?", tierId);
        holdTickets(showId, tierId, 2, 4_500);

        ApiResponse answer = admin.patch("/api/admin/tiers/" + tierId, Map.of("capacity", 5, "priceCents", 10));

        assertEquals(200, answer.status(), answer::toString);
        assertEquals(5, answer.body().get("capacity").asInt());
        assertEquals(0, answer.body().get("available").asInt());
        assertEquals(10, answer.body().get("priceCents").asInt());
    }

    @Test
    void capacityBelowSoldAndHeldIsRefusedWithTheNumbers() {
        long showId = fixtures.gaShow();
        long tierId = fixtures.gaTier(showId, 100);
        server.update("UPDATE tiers SET sold = 3 WHERE id = ?", tierId);
        holdTickets(showId, tierId, 2, 4_500);
        var before = fixtures.inventorySnapshot();

        ApiResponse answer = admin.patch("/api/admin/tiers/" + tierId, Map.of("capacity", 4, "priceCents", 1));

        assertEquals(409, answer.status(), answer::toString);
        assertEquals("CAPACITY_BELOW_COMMITTED", answer.error());
        assertEquals(tierId, answer.body().at("/details/tierId").asLong());
        assertEquals(4, answer.body().at("/details/requested").asInt());
        assertEquals(3, answer.body().at("/details/sold").asInt());
        assertEquals(2, answer.body().at("/details/held").asInt());
        assertEquals(before, fixtures.inventorySnapshot(), "neither capacity nor price changed");
    }

    @Test
    void patchThatRepeatsTheCurrentValuesChangesNothing() {
        long tierId = fixtures.gaTier(fixtures.gaShow(), 40);
        var before = fixtures.inventorySnapshot();

        ApiResponse answer = admin.patch("/api/admin/tiers/" + tierId, Map.of("capacity", 40, "priceCents", 4_500));

        assertEquals(200, answer.status(), answer::toString);
        assertEquals(40, answer.body().get("capacity").asInt());
        assertEquals(before, fixtures.inventorySnapshot(), "no version bump and no audit row");
    }

    @Test
    void seatedTierCapacityCannotBeSetByHand() {
        long showId = fixtures.show("SEATED", fixtures.venue(1, 2));
        long tierId = fixtures.seatedTier(showId, fixtures.seatIds(showId));
        var before = fixtures.inventorySnapshot();

        ApiResponse answer = admin.patch("/api/admin/tiers/" + tierId, Map.of("capacity", 10));

        assertEquals(400, answer.status(), answer::toString);
        assertEquals("capacity", answer.body().at("/details/field").asText());
        assertEquals(before, fixtures.inventorySnapshot());
        assertEquals(200, admin.patch("/api/admin/tiers/" + tierId, Map.of("priceCents", 7)).status(),
                "its price may still change");
    }

    @Test
    void badTierPatchesAreRefused() {
        long tierId = fixtures.gaTier(fixtures.gaShow(), 10);
        var before = fixtures.inventorySnapshot();
        for (Object body : List.of(Map.of(), Map.of("priceCents", -1), Map.of("capacity", 1_000_001),
                Map.of("priceCents", 10_000_001), "{\"capacity\": 2.5}", "{\"priceCents\": \"10\"}")) {
            ApiResponse answer = admin.patch("/api/admin/tiers/" + tierId, body);
            assertEquals(400, answer.status(), () -> body + " -> " + answer);
            assertEquals("VALIDATION_FAILED", answer.error());
        }
        assertEquals(before, fixtures.inventorySnapshot());
    }

    @Test
    void patchOfUnknownTierIsNotFound() {
        ApiResponse answer = admin.patch("/api/admin/tiers/987654", Map.of("priceCents", 1));
        assertEquals(404, answer.status(), answer::toString);
        assertEquals("NOT_FOUND", answer.error());
    }

    /** An active hold made directly in the database, as the booking code would leave it. */
    private static UUID holdTickets(long showId, long tierId, int quantity, int unitPriceCents) {
        UUID holdId = UUID.randomUUID();
        server.update("""
                INSERT INTO holds (id, user_id, show_id, status, expires_at, total_cents)
                VALUES (?, ?::uuid, ?, 'ACTIVE', now() + interval '10 minutes', ?)""",
                holdId, admin.userId(), showId, (long) quantity * unitPriceCents);
        server.update("INSERT INTO hold_items (hold_id, tier_id, quantity, unit_price_cents) VALUES (?, ?, ?, ?)",
                holdId, tierId, quantity, unitPriceCents);
        server.update("UPDATE tiers SET held = held + ? WHERE id = ?", quantity, tierId);
        return holdId;
    }

    private static Map<String, Object> tier(String name, Integer priceCents, Integer capacity, List<Long> seatIds) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("priceCents", priceCents);
        body.put("capacity", capacity);
        body.put("seatIds", seatIds == null ? null : new ArrayList<>(seatIds));
        return body;
    }
}
