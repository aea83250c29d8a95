package dev.marquee.server.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.marquee.server.testing.ApiClient;
import dev.marquee.server.testing.ApiResponse;
import dev.marquee.server.testing.Shows.Tier;
import dev.marquee.server.testing.Shows;
import dev.marquee.server.testing.TestServer;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The public catalog: events, show details and availability, read by anyone without signing in. */
class CatalogTest {

    private static TestServer server;
    private static Shows shows;
    private static ApiClient anyone;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        shows = new Shows(server);
        anyone = server.anonymous();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void eventsListEveryEventWithItsShowsInTheContractShape() {
        Shows.Show ga = shows.ga(Tier.ga("GA", 1000, 10));
        Shows.Show seated = shows.seated(2, 4, Tier.rows("Stalls", 4000, 1, 2));
        shows.offSale(seated);

        ApiResponse events = anyone.get("/api/events");

        assertEquals(200, events.status(), events::toString);
        assertTrue(events.body().isArray());
        JsonNode gaShow = showSummary(events.body(), ga.id());
        assertEquals("Test Hall", gaShow.get("venueName").asText());
        assertEquals("GA", gaShow.get("seatingMode").asText());
        assertTrue(gaShow.get("onSale").asBoolean());
        assertEquals(startsAt(ga.id()), Instant.parse(gaShow.get("startsAt").asText()));
        assertTrue(gaShow.get("startsAt").asText().endsWith("Z"), "timestamps are UTC: " + gaShow);
        JsonNode seatedShow = showSummary(events.body(), seated.id());
        assertEquals("SEATED", seatedShow.get("seatingMode").asText());
        assertFalse(seatedShow.get("onSale").asBoolean(), "an off-sale show is listed as such");
        JsonNode event = eventOf(events.body(), ga.id());
        assertEquals("Test Event", event.get("title").asText());
        assertEquals("for tests", event.get("description").asText());
        assertTrue(event.get("id").isIntegralNumber(), "catalog ids are JSON integers: " + event);
    }

    @Test
    void anEventWithoutShowsIsListedWithAnEmptyShowList() {
        long eventId = server.number("INSERT INTO events (title) VALUES ('Announced, no dates yet') RETURNING id");

        JsonNode event = StreamSupport.stream(anyone.get("/api/events").body().spliterator(), false)
                .filter(e -> e.get("id").asLong() == eventId).findFirst().orElseThrow();

        assertTrue(event.get("shows").isArray() && event.get("shows").isEmpty(), event::toString);
        assertEquals("", event.get("description").asText());
    }

    @Test
    void showDetailNamesEventVenueAndTiersInOrder() {
        Shows.Show show = shows.ga(Tier.ga("VIP", 10000, 50), Tier.ga("Front Row", 5000, 200));

        ApiResponse detail = anyone.get("/api/shows/" + show.id());

        assertEquals(200, detail.status(), detail::toString);
        JsonNode body = detail.body();
        assertEquals(show.id(), body.get("id").asLong());
        assertEquals(server.number("SELECT event_id FROM shows WHERE id = ?", show.id()), body.get("eventId").asLong());
        assertEquals("Test Event", body.get("eventTitle").asText());
        assertEquals(startsAt(show.id()), Instant.parse(body.get("startsAt").asText()));
        assertEquals("Test Hall", body.at("/venue/name").asText());
        assertEquals(100000, body.at("/venue/capacity").asInt());
        assertTrue(body.at("/venue/id").isIntegralNumber());
        assertEquals("GA", body.get("seatingMode").asText());
        assertTrue(body.get("onSale").asBoolean());
        assertEquals(List.of(
                Map.of("id", show.tier(0), "name", "VIP", "priceCents", 10000L),
                Map.of("id", show.tier(1), "name", "Front Row", "priceCents", 5000L)), tiers(body.get("tiers")));
    }

    @Test
    void gaAvailabilityCountsEachTierAndHasNoSeats() {
        Shows.Show show = shows.ga(Tier.ga("VIP", 10000, 50), Tier.ga("GA", 1000, 100));
        server.update("UPDATE tiers SET held = 3, sold = 7 WHERE id = ?", show.tier(1));

        ApiResponse availability = anyone.get("/api/shows/" + show.id() + "/availability");

        assertEquals(200, availability.status(), availability::toString);
        assertEquals(show.id(), availability.body().get("showId").asLong());
        assertTrue(availability.body().get("version").isIntegralNumber());
        assertTrue(availability.body().path("seats").isMissingNode() || availability.body().get("seats").isNull(),
                "a GA show has no seats: " + availability);
        JsonNode tiers = availability.body().get("tiers");
        assertEquals(2, tiers.size());
        assertTier(tiers.get(0), show.tier(0), "VIP", 10000, 50, 50, 0, 0);
        assertTier(tiers.get(1), show.tier(1), "GA", 1000, 100, 90, 3, 7);
    }

    @Test
    void availabilityFollowsAHoldAndItsVersionGrows() {
        Shows.Show show = shows.ga(Tier.ga("GA", 1000, 20));
        JsonNode before = anyone.get("/api/shows/" + show.id() + "/availability").body();

        ApiResponse hold = server.fan().postOnce("/api/holds",
                Map.of("showId", show.id(), "items", List.of(Map.of("tierId", show.tier(0), "quantity", 4))));
        assertEquals(201, hold.status(), hold::toString);

        JsonNode after = anyone.get("/api/shows/" + show.id() + "/availability").body();
        assertTier(after.get("tiers").get(0), show.tier(0), "GA", 1000, 20, 16, 4, 0);
        assertTrue(after.get("version").asLong() > before.get("version").asLong(),
                "version grows with the change: " + before.get("version") + " -> " + after.get("version"));
    }

    @Test
    void seatedAvailabilityListsEverySeatOfEveryTier() {
        Shows.Show show = shows.seated(3, 4, Tier.rows("Front", 6000, 1, 1), Tier.rows("Back", 3000, 2, 3));
        long firstSeat = shows.row(show, 1).getFirst();
        server.update("UPDATE show_seats SET status = 'SOLD' WHERE show_id = ? AND seat_id = ?", show.id(), firstSeat);
        server.update("UPDATE tiers SET sold = 1 WHERE id = ?", show.tier(0));

        ApiResponse availability = anyone.get("/api/shows/" + show.id() + "/availability");

        assertEquals(200, availability.status(), availability::toString);
        JsonNode tiers = availability.body().get("tiers");
        assertTier(tiers.get(0), show.tier(0), "Front", 6000, 4, 3, 0, 1);
        assertTier(tiers.get(1), show.tier(1), "Back", 3000, 8, 8, 0, 0);
        JsonNode seats = availability.body().get("seats");
        assertEquals(12, seats.size());
        JsonNode sold = StreamSupport.stream(seats.spliterator(), false)
                .filter(seat -> seat.get("seatId").asLong() == firstSeat).findFirst().orElseThrow();
        assertEquals("SOLD", sold.get("status").asText());
        assertEquals(server.query("SELECT label FROM venue_seats WHERE id = ?", firstSeat).getFirst().get("label"),
                sold.get("label").asText());
        assertEquals("Stalls", sold.get("section").asText());
        assertEquals(1, sold.get("row").asInt());
        assertEquals(1, sold.get("number").asInt());
        assertEquals(show.tier(0), sold.get("tierId").asLong());
        long availableInBack = StreamSupport.stream(seats.spliterator(), false)
                .filter(seat -> seat.get("tierId").asLong() == show.tier(1)
                        && seat.get("status").asText().equals("AVAILABLE")).count();
        assertEquals(8, availableInBack);
    }

    @Test
    void anUnknownShowIsNotFound() {
        for (String path : List.of("/api/shows/987654321", "/api/shows/987654321/availability")) {
            ApiResponse answer = anyone.get(path);
            assertEquals(404, answer.status(), path + " " + answer);
            assertEquals("NOT_FOUND", answer.error());
            assertFalse(answer.body().get("message").asText().isBlank());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "0", "-1", "1.5", "1e3", "99999999999999999999", "1%20OR%201=1", "%27%3B--", "0x10"})
    void aShowIdThatCannotExistIsNotFound(String id) {
        for (String path : List.of("/api/shows/" + id, "/api/shows/" + id + "/availability")) {
            ApiResponse answer = anyone.get(path);
            assertEquals(404, answer.status(), path + " " + answer);
            assertEquals("NOT_FOUND", answer.error());
        }
    }

    private static void assertTier(JsonNode tier, long id, String name, int priceCents, int capacity, int available,
                                   int held, int sold) {
        assertEquals(id, tier.get("tierId").asLong(), tier::toString);
        assertEquals(name, tier.get("name").asText());
        assertEquals(priceCents, tier.get("priceCents").asInt());
        assertEquals(List.of(capacity, available, held, sold), List.of(tier.get("capacity").asInt(),
                tier.get("available").asInt(), tier.get("held").asInt(), tier.get("sold").asInt()), tier::toString);
        assertEquals(tier.get("capacity").asInt(),
                tier.get("available").asInt() + tier.get("held").asInt() + tier.get("sold").asInt(),
                "available + held + sold = capacity: " + tier);
    }

    private static List<Map<String, Object>> tiers(JsonNode tiers) {
        List<Map<String, Object>> result = new ArrayList<>();
        tiers.forEach(tier -> result.add(Map.of("id", tier.get("id").asLong(), "name", tier.get("name").asText(),
                "priceCents", tier.get("priceCents").asLong())));
        return result;
    }

    private static JsonNode eventOf(JsonNode events, long showId) {
        return StreamSupport.stream(events.spliterator(), false)
                .filter(event -> StreamSupport.stream(event.get("shows").spliterator(), false)
                        .anyMatch(show -> show.get("id").asLong() == showId))
                .findFirst().orElseThrow(() -> new AssertionError("show " + showId + " not listed in " + events));
    }

    private static JsonNode showSummary(JsonNode events, long showId) {
        return StreamSupport.stream(eventOf(events, showId).get("shows").spliterator(), false)
                .filter(show -> show.get("id").asLong() == showId).findFirst().orElseThrow();
    }

    private static Instant startsAt(long showId) {
        return ((Timestamp) server.query("SELECT starts_at FROM shows WHERE id = ?", showId).getFirst()
                .get("starts_at")).toInstant();
    }
}
