package dev.marquee.server.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.marquee.server.testing.ApiClient;
import dev.marquee.server.testing.ApiResponse;
import dev.marquee.server.testing.TestServer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class InventorySeatBlockTest {

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

    /** A seated show of six seats: tier A has seats 0-2, tier B seats 3-4, seat 5 is in no tier. */
    private record Stage(long showId, List<Long> seats, long tierA, long tierB) {
    }

    private static Stage stage() {
        long showId = fixtures.show("SEATED", fixtures.venue(1, 6));
        List<Long> seats = fixtures.seatIds(showId);
        return new Stage(showId, seats, fixtures.seatedTier(showId, seats.subList(0, 3)),
                fixtures.seatedTier(showId, seats.subList(3, 5)));
    }

    @Test
    void blockingAvailableSeatsTakesThemOutOfTheirTiers() {
        Stage stage = stage();
        long version = fixtures.version(stage.showId());
        List<Long> blocked = List.of(stage.seats().get(0), stage.seats().get(1), stage.seats().get(3),
                stage.seats().get(5));

        ApiResponse answer = block(stage.showId(), blocked, "camera position");

        assertEquals(200, answer.status(), answer::toString);
        JsonNode availability = answer.body();
        assertEquals(stage.showId(), availability.get("showId").asLong());
        assertEquals(version + 1, availability.get("version").asLong());
        assertEquals(1, availability.at("/tiers/0/capacity").asInt());
        assertEquals(1, availability.at("/tiers/0/available").asInt());
        assertEquals(1, availability.at("/tiers/1/capacity").asInt());
        assertEquals("BLOCKED", availability.at("/seats/0/status").asText());
        assertEquals("AVAILABLE", availability.at("/seats/2/status").asText());
        assertEquals(4, server.number("SELECT count(*) FROM show_seats WHERE show_id = ? AND status = 'BLOCKED' "
                + "AND blocked_reason = 'camera position'", stage.showId()));
        assertEquals(version + 1, fixtures.version(stage.showId()));
        assertEquals(1, server.number("""
                SELECT count(*) FROM audit_log WHERE show_id = ? AND action = 'SEATS_BLOCKED'
                AND details->>'reason' = 'camera position' AND jsonb_array_length(details->'seatIds') = 4""",
                stage.showId()));
    }

    @Test
    void blockingAnAlreadyBlockedSeatChangesNothing() {
        Stage stage = stage();
        assertEquals(200, block(stage.showId(), List.of(stage.seats().get(0)), "broken").status());
        var before = fixtures.inventorySnapshot();

        ApiResponse again = block(stage.showId(), List.of(stage.seats().get(0)), "still broken");

        assertEquals(200, again.status(), again::toString);
        assertEquals(2, again.body().at("/tiers/0/capacity").asInt());
        assertEquals(before, fixtures.inventorySnapshot(), "no capacity, reason, version or audit change");
    }

    @Test
    void heldSeatCannotBeBlockedAndTheWholeRequestIsRefused() {
        Stage stage = stage();
        long held = stage.seats().get(1);
        server.update("UPDATE show_seats SET status = 'HELD', hold_id = ? WHERE show_id = ? AND seat_id = ?",
                UUID.randomUUID(), stage.showId(), held);
        server.update("UPDATE tiers SET held = held + 1 WHERE id = ?", stage.tierA());
        var before = fixtures.inventorySnapshot();

        ApiResponse answer = block(stage.showId(), List.of(stage.seats().get(0), held, stage.seats().get(2)), "x");

        assertEquals(409, answer.status(), answer::toString);
        assertEquals("SEAT_UNAVAILABLE", answer.error());
        assertEquals(List.of(held), seatIds(answer.body().at("/details/seatIds")));
        assertEquals(before, fixtures.inventorySnapshot());
    }

    @Test
    void soldSeatCannotBeBlocked() {
        Stage stage = stage();
        long sold = stage.seats().get(4);
        server.update("UPDATE show_seats SET status = 'SOLD' WHERE show_id = ? AND seat_id = ?", stage.showId(), sold);
        server.update("UPDATE tiers SET sold = sold + 1 WHERE id = ?", stage.tierB());
        var before = fixtures.inventorySnapshot();

        ApiResponse answer = block(stage.showId(), List.of(sold), "x");

        assertEquals(409, answer.status(), answer::toString);
        assertEquals("SEAT_UNAVAILABLE", answer.error());
        assertEquals(List.of(sold), seatIds(answer.body().at("/details/seatIds")));
        assertEquals(before, fixtures.inventorySnapshot());
    }

    @Test
    void unblockingReturnsSeatsToSaleAndToTheirTiers() {
        Stage stage = stage();
        List<Long> seats = List.of(stage.seats().get(0), stage.seats().get(3), stage.seats().get(5));
        assertEquals(200, block(stage.showId(), seats, "rigging").status());
        long version = fixtures.version(stage.showId());

        ApiResponse answer = admin.post("/api/admin/shows/" + stage.showId() + "/seats/unblock",
                Map.of("seatIds", seats));

        assertEquals(200, answer.status(), answer::toString);
        assertEquals(3, answer.body().at("/tiers/0/capacity").asInt());
        assertEquals(2, answer.body().at("/tiers/1/capacity").asInt());
        assertEquals(0, server.number("SELECT count(*) FROM show_seats WHERE show_id = ? AND (status <> 'AVAILABLE' "
                + "OR blocked_reason IS NOT NULL)", stage.showId()));
        assertEquals(version + 1, fixtures.version(stage.showId()));
        assertEquals("SEATS_UNBLOCKED", fixtures.auditActions(stage.showId()).getLast());
    }

    @Test
    void unblockingSeatsThatAreNotBlockedChangesNothing() {
        Stage stage = stage();
        var before = fixtures.inventorySnapshot();

        ApiResponse answer = admin.post("/api/admin/shows/" + stage.showId() + "/seats/unblock",
                Map.of("seatIds", stage.seats(), "reason", "fixed"));

        assertEquals(200, answer.status(), answer::toString);
        assertEquals(before, fixtures.inventorySnapshot());
    }

    @Test
    void blockedSeatGivenToATierLaterStaysOutsideItsCapacity() {
        long showId = fixtures.show("SEATED", fixtures.venue(1, 3));
        List<Long> seats = fixtures.seatIds(showId);
        assertEquals(200, block(showId, List.of(seats.get(2)), "sound desk").status());

        long tierId = fixtures.seatedTier(showId, seats);

        assertEquals(2, server.number("SELECT capacity FROM tiers WHERE id = ?", tierId));
        ApiResponse unblocked = admin.post("/api/admin/shows/" + showId + "/seats/unblock",
                Map.of("seatIds", List.of(seats.get(2))));
        assertEquals(3, unblocked.body().at("/tiers/0/capacity").asInt());
    }

    static Stream<Arguments> badBlocks() {
        List<Long> tooMany = LongStream.rangeClosed(1, 501).boxed().toList();
        return Stream.of(
                Arguments.of("no reason", "block", request(List.of(0), null)),
                Arguments.of("blank reason", "block", request(List.of(0), "   ")),
                Arguments.of("reason too long", "block", request(List.of(0), "r".repeat(501))),
                Arguments.of("reason too long on unblock", "unblock", request(List.of(0), "r".repeat(501))),
                Arguments.of("no seats", "block", request(null, "x")),
                Arguments.of("empty seats", "unblock", request(List.of(), "x")),
                Arguments.of("seat twice", "block", request(List.of(0, 0), "x")),
                Arguments.of("501 seats", "block", Map.of("seatIds", tooMany, "reason", "x")),
                Arguments.of("negative seat id", "unblock", Map.of("seatIds", List.of(-1), "reason", "x")),
                Arguments.of("seat of another show", "block", Map.of("seatIds", List.of(999_999), "reason", "x")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBlocks")
    void badBlockRequestIsRefusedAndNothingChanges(String why, String action, Map<String, Object> body) {
        Stage stage = stage();
        var before = fixtures.inventorySnapshot();

        ApiResponse answer = admin.post("/api/admin/shows/" + stage.showId() + "/seats/" + action,
                resolve(body, stage.seats()));

        assertEquals(400, answer.status(), answer::toString);
        assertEquals("VALIDATION_FAILED", answer.error());
        assertEquals(before, fixtures.inventorySnapshot());
    }

    @Test
    void seatsOfAGaShowCannotBeBlocked() {
        long showId = fixtures.gaShow();
        ApiResponse answer = block(showId, List.of(1L), "x");
        assertEquals(400, answer.status(), answer::toString);
        assertEquals("seatIds", answer.body().at("/details/field").asText());
    }

    @Test
    void blockOnUnknownShowIsNotFound() {
        assertEquals(404, block(987_654, List.of(1L), "x").status());
        ApiResponse answer = admin.post("/api/admin/shows/987654/seats/unblock", Map.of("seatIds", List.of(1)));
        assertEquals(404, answer.status(), answer::toString);
        assertEquals("NOT_FOUND", answer.error());
    }

    private static ApiResponse block(long showId, List<Long> seatIds, String reason) {
        return admin.post("/api/admin/shows/" + showId + "/seats/block", Map.of("seatIds", seatIds, "reason", reason));
    }

    /** A request naming seats by their index in the stage, resolved once the stage exists. */
    private static Map<String, Object> request(List<Integer> seatIndexes, String reason) {
        Map<String, Object> body = new HashMap<>();
        body.put("seatIndexes", seatIndexes);
        body.put("reason", reason);
        return body;
    }

    private static Map<String, Object> resolve(Map<String, Object> body, List<Long> seats) {
        Map<String, Object> resolved = new HashMap<>(body);
        if (resolved.remove("seatIndexes") instanceof List<?> indexes) {
            resolved.put("seatIds", indexes.stream().map(i -> seats.get((Integer) i)).toList());
        }
        return resolved;
    }

    private static List<Long> seatIds(JsonNode array) {
        List<Long> ids = new ArrayList<>();
        array.forEach(id -> ids.add(id.asLong()));
        return ids;
    }
}
