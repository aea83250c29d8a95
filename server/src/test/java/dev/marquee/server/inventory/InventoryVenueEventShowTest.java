package dev.marquee.server.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.marquee.server.testing.ApiClient;
import dev.marquee.server.testing.ApiResponse;
import dev.marquee.server.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class InventoryVenueEventShowTest {

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
    void venueSeatsAreNumberedFromTheStageAndLeftToRight() {
        ApiResponse answer = admin.post("/api/admin/venues", Map.of("name", "  Roundhouse  ", "sections", List.of(
                Map.of("name", "Orchestra", "rows", 2, "seatsPerRow", 3),
                Map.of("name", "Balcony", "rows", 1, "seatsPerRow", 2))));

        assertEquals(201, answer.status(), answer::toString);
        JsonNode venue = answer.body();
        assertEquals("Roundhouse", venue.get("name").asText());
        assertEquals(8, venue.get("capacity").asInt());
        List<String> labels = new ArrayList<>();
        venue.get("seats").forEach(seat -> labels.add(seat.get("label").asText()));
        assertEquals(List.of("Orchestra Row 1 Seat 1", "Orchestra Row 1 Seat 2", "Orchestra Row 1 Seat 3",
                "Orchestra Row 2 Seat 1", "Orchestra Row 2 Seat 2", "Orchestra Row 2 Seat 3",
                "Balcony Row 1 Seat 1", "Balcony Row 1 Seat 2"), labels);
        JsonNode last = venue.get("seats").get(7);
        assertEquals("Balcony", last.get("section").asText());
        assertEquals(1, last.get("row").asInt());
        assertEquals(2, last.get("number").asInt());
        long venueId = venue.get("id").asLong();
        assertEquals(8, server.number("SELECT count(*) FROM venue_seats WHERE venue_id = ?", venueId));
        assertEquals(last.get("id").asLong(), server.number(
                "SELECT id FROM venue_seats WHERE venue_id = ? AND section = 'Balcony' AND seat_no = 2", venueId));
        assertEquals(1, server.number("""
                SELECT count(*) FROM audit_log WHERE action = 'VENUE_CREATED' AND (details->>'venueId')::bigint = ?
                AND actor LIKE 'admin-%'""", venueId));
    }

    @Test
    void largestAllowedVenueIsCreatedWhole() {
        ApiResponse answer = admin.post("/api/admin/venues", Map.of("name", "Arena", "sections",
                List.of(Map.of("name", "Bowl", "rows", 100, "seatsPerRow", 200))));

        assertEquals(201, answer.status(), () -> String.valueOf(answer.status()));
        assertEquals(20_000, answer.body().get("capacity").asInt());
        assertEquals(20_000, answer.body().get("seats").size());
    }

    @Test
    void venueListShowsEveryVenueWithItsSeats() {
        long venueId = fixtures.venue(2, 2);

        ApiResponse list = admin.get("/api/admin/venues");

        assertEquals(200, list.status(), list::toString);
        JsonNode found = null;
        for (JsonNode venue : list.body()) {
            if (venue.get("id").asLong() == venueId) {
                found = venue;
            }
        }
        assertTrue(found != null, "the new venue is listed");
        assertEquals(4, found.get("capacity").asInt());
        assertEquals(4, found.get("seats").size());
        assertEquals("Stalls Row 2 Seat 2", found.get("seats").get(3).get("label").asText());
    }

    static Stream<Arguments> badVenues() {
        Map<String, Object> section = Map.of("name", "A", "rows", 1, "seatsPerRow", 1);
        List<Object> tooMany = new ArrayList<>();
        IntStream.rangeClosed(1, 51).forEach(i -> tooMany.add(Map.of("name", "S" + i, "rows", 1, "seatsPerRow", 1)));
        return Stream.of(
                Arguments.of("no name", Map.of("sections", List.of(section))),
                Arguments.of("blank name", Map.of("name", "  ", "sections", List.of(section))),
                Arguments.of("name too long", Map.of("name", "x".repeat(201), "sections", List.of(section))),
                Arguments.of("no sections", Map.of("name", "V")),
                Arguments.of("empty sections", Map.of("name", "V", "sections", List.of())),
                Arguments.of("51 sections", Map.of("name", "V", "sections", tooMany)),
                Arguments.of("same section twice", Map.of("name", "V", "sections",
                        List.of(section, Map.of("name", "a", "rows", 2, "seatsPerRow", 2)))),
                Arguments.of("no rows", Map.of("name", "V", "sections", List.of(Map.of("name", "A", "seatsPerRow", 1)))),
                Arguments.of("zero rows", Map.of("name", "V", "sections",
                        List.of(Map.of("name", "A", "rows", 0, "seatsPerRow", 1)))),
                Arguments.of("101 rows", Map.of("name", "V", "sections",
                        List.of(Map.of("name", "A", "rows", 101, "seatsPerRow", 1)))),
                Arguments.of("201 seats per row", Map.of("name", "V", "sections",
                        List.of(Map.of("name", "A", "rows", 1, "seatsPerRow", 201)))),
                Arguments.of("fractional rows", "{\"name\":\"V\",\"sections\":[{\"name\":\"A\",\"rows\":1.5,\"seatsPerRow\":1}]}"),
                Arguments.of("rows as text", "{\"name\":\"V\",\"sections\":[{\"name\":\"A\",\"rows\":\"2\",\"seatsPerRow\":1}]}"),
                Arguments.of("null section", "{\"name\":\"V\",\"sections\":[null]}"),
                Arguments.of("over 20,000 seats", Map.of("name", "V", "sections", List.of(
                        Map.of("name", "A", "rows", 100, "seatsPerRow", 200),
                        Map.of("name", "B", "rows", 1, "seatsPerRow", 1)))),
                Arguments.of("not an object", "[]"),
                Arguments.of("malformed JSON", "{\"name\":"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badVenues")
    void badVenueIsRefusedAndNothingIsStored(String why, Object body) {
        var before = fixtures.inventorySnapshot();

        ApiResponse answer = admin.post("/api/admin/venues", body);

        assertEquals(400, answer.status(), answer::toString);
        assertEquals("VALIDATION_FAILED", answer.error());
        assertFalse(answer.body().get("message").asText().isBlank());
        assertEquals(before, fixtures.inventorySnapshot());
    }

    @Test
    void eventIsCreatedWithNoShowsAndAudited() {
        ApiResponse answer = admin.post("/api/admin/events", Map.of("title", "Midsummer Tour", "description", "Live"));

        assertEquals(201, answer.status(), answer::toString);
        assertEquals("Midsummer Tour", answer.body().get("title").asText());
        assertEquals("Live", answer.body().get("description").asText());
        assertEquals(0, answer.body().get("shows").size());
        long eventId = answer.body().get("id").asLong();
        assertEquals(1, server.number("SELECT count(*) FROM events WHERE id = ? AND title = 'Midsummer Tour'", eventId));
        assertEquals(1, server.number("""
                SELECT count(*) FROM audit_log WHERE action = 'EVENT_CREATED' AND (details->>'eventId')::bigint = ?""",
                eventId));
    }

    @Test
    void eventWithoutDescriptionGetsAnEmptyOne() {
        ApiResponse answer = admin.post("/api/admin/events", Map.of("title", "Quiet Night"));
        assertEquals(201, answer.status(), answer::toString);
        assertEquals("", answer.body().get("description").asText());
    }

    @Test
    void eventWithoutTitleIsRefused() {
        var before = fixtures.inventorySnapshot();
        ApiResponse answer = admin.post("/api/admin/events", Map.of("title", "", "description", "x"));
        assertEquals(400, answer.status(), answer::toString);
        assertEquals("title", answer.body().at("/details/field").asText());
        assertEquals(before, fixtures.inventorySnapshot());
    }

    @Test
    void seatedShowGetsEveryVenueSeatAvailableAndInNoTier() {
        long venueId = fixtures.venue(3, 4);
        long eventId = fixtures.event();

        ApiResponse answer = admin.post("/api/admin/events/" + eventId + "/shows",
                Map.of("venueId", venueId, "startsAt", "2030-07-15T20:00:00Z", "seatingMode", "SEATED"));

        assertEquals(201, answer.status(), answer::toString);
        JsonNode show = answer.body();
        long showId = show.get("id").asLong();
        assertEquals(eventId, show.get("eventId").asLong());
        assertEquals("2030-07-15T20:00:00Z", show.get("startsAt").asText());
        assertEquals(venueId, show.at("/venue/id").asLong());
        assertEquals(12, show.at("/venue/capacity").asInt());
        assertEquals("SEATED", show.get("seatingMode").asText());
        assertTrue(show.get("onSale").asBoolean(), "on sale unless told otherwise");
        assertEquals(0, show.get("tiers").size());
        assertEquals(12, server.number("""
                SELECT count(*) FROM show_seats ss JOIN venue_seats vs ON vs.id = ss.seat_id
                WHERE ss.show_id = ? AND vs.venue_id = ? AND ss.status = 'AVAILABLE' AND ss.tier_id IS NULL""",
                showId, venueId));
        assertTrue(fixtures.version(showId) > 0);
        assertEquals(List.of("SHOW_CREATED"), fixtures.auditActions(showId));
        assertEquals(200, server.anonymous().get("/api/shows/" + showId).status());
    }

    @Test
    void gaShowHasNoSeatsAndMayStartOffSale() {
        long venueId = fixtures.venue(2, 2);
        ApiResponse answer = admin.post("/api/admin/events/" + fixtures.event() + "/shows", Map.of("venueId", venueId,
                "startsAt", "2030-07-15T20:00:00Z", "seatingMode", "GA", "onSale", false));

        assertEquals(201, answer.status(), answer::toString);
        assertFalse(answer.body().get("onSale").asBoolean());
        assertEquals(0, server.number("SELECT count(*) FROM show_seats WHERE show_id = ?",
                answer.body().get("id").asLong()));
    }

    @Test
    void showOfUnknownEventIsNotFound() {
        long venueId = fixtures.venue(1, 1);
        var before = fixtures.inventorySnapshot();
        ApiResponse answer = admin.post("/api/admin/events/987654/shows",
                Map.of("venueId", venueId, "startsAt", "2030-07-15T20:00:00Z", "seatingMode", "GA"));
        assertEquals(404, answer.status(), answer::toString);
        assertEquals("NOT_FOUND", answer.error());
        assertEquals(before, fixtures.inventorySnapshot());
    }

    static Stream<Arguments> badShows() {
        return Stream.of(
                Arguments.of("unknown venue", "venueId",
                        Map.of("venueId", 987654, "startsAt", "2030-07-15T20:00:00Z", "seatingMode", "GA")),
                Arguments.of("no venue", "venueId", Map.of("startsAt", "2030-07-15T20:00:00Z", "seatingMode", "GA")),
                Arguments.of("no start", "startsAt", Map.of("venueId", 1, "seatingMode", "GA")),
                Arguments.of("no mode", "seatingMode", Map.of("venueId", 1, "startsAt", "2030-07-15T20:00:00Z")),
                Arguments.of("unknown mode", null,
                        Map.of("venueId", 1, "startsAt", "2030-07-15T20:00:00Z", "seatingMode", "STANDING")),
                Arguments.of("start not a time", null,
                        Map.of("venueId", 1, "startsAt", "tomorrow", "seatingMode", "GA")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badShows")
    void badShowIsRefusedAndNothingIsStored(String why, String field, Object body) {
        long eventId = fixtures.event();
        var before = fixtures.inventorySnapshot();

        ApiResponse answer = admin.post("/api/admin/events/" + eventId + "/shows", body);

        assertEquals(400, answer.status(), answer::toString);
        assertEquals("VALIDATION_FAILED", answer.error());
        if (field != null) {
            assertEquals(field, answer.body().at("/details/field").asText());
        }
        assertEquals(before, fixtures.inventorySnapshot());
    }

    @Test
    void takingAShowOffSaleBumpsItsVersionAndIsAudited() {
        long showId = fixtures.gaShow();
        long version = fixtures.version(showId);

        ApiResponse answer = admin.patch("/api/admin/shows/" + showId, Map.of("onSale", false));

        assertEquals(200, answer.status(), answer::toString);
        assertFalse(answer.body().get("onSale").asBoolean());
        assertEquals(showId, answer.body().get("id").asLong());
        assertEquals(false, server.query("SELECT on_sale FROM shows WHERE id = ?", showId).getFirst().get("on_sale"));
        assertEquals(version + 1, fixtures.version(showId));
        assertEquals("SHOW_ON_SALE_CHANGED", fixtures.auditActions(showId).getLast());
        assertEquals(1, server.number("""
                SELECT count(*) FROM audit_log WHERE show_id = ? AND action = 'SHOW_ON_SALE_CHANGED'
                AND details = '{"from": true, "to": false}'::jsonb""", showId));
    }

    @Test
    void settingTheSameOnSaleAgainChangesNothing() {
        long showId = fixtures.gaShow();
        var before = fixtures.inventorySnapshot();

        ApiResponse answer = admin.patch("/api/admin/shows/" + showId, Map.of("onSale", true));

        assertEquals(200, answer.status(), answer::toString);
        assertTrue(answer.body().get("onSale").asBoolean());
        assertEquals(before, fixtures.inventorySnapshot());
    }

    @Test
    void onSaleOfUnknownShowIsNotFound() {
        ApiResponse answer = admin.patch("/api/admin/shows/987654", Map.of("onSale", false));
        assertEquals(404, answer.status(), answer::toString);
        assertEquals("NOT_FOUND", answer.error());
        assertEquals(404, admin.patch("/api/admin/shows/abc", Map.of("onSale", false)).status());
    }

    @Test
    void onSalePatchNeedsABoolean() {
        long showId = fixtures.gaShow();
        var before = fixtures.inventorySnapshot();
        assertEquals(400, admin.patch("/api/admin/shows/" + showId, Map.of()).status());
        assertEquals(400, admin.patch("/api/admin/shows/" + showId, Map.of("onSale", "no")).status());
        assertEquals(before, fixtures.inventorySnapshot());
    }
}
