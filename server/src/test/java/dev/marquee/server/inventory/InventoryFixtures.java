package dev.marquee.server.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.marquee.server.testing.ApiClient;
import dev.marquee.server.testing.ApiResponse;
import dev.marquee.server.testing.TestServer;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builds venues, events, shows and tiers over the admin API, and reads back what the database holds. */
final class InventoryFixtures {

    private final TestServer server;
    private final ApiClient admin;

    InventoryFixtures(TestServer server, ApiClient admin) {
        this.server = server;
        this.admin = admin;
    }

    long venue(int rows, int seatsPerRow) {
        return created(admin.post("/api/admin/venues", Map.of("name", "Hall " + UUID.randomUUID(),
                "sections", List.of(Map.of("name", "Stalls", "rows", rows, "seatsPerRow", seatsPerRow)))));
    }

    long event() {
        return created(admin.post("/api/admin/events", Map.of("title", "Tour " + UUID.randomUUID(),
                "description", "A night out")));
    }

    long show(String seatingMode, long venueId) {
        return created(admin.post("/api/admin/events/" + event() + "/shows",
                Map.of("venueId", venueId, "startsAt", "2030-07-15T20:00:00Z", "seatingMode", seatingMode)));
    }

    long gaShow() {
        return show("GA", venue(1, 1));
    }

    long gaTier(long showId, int capacity) {
        return created(admin.post("/api/admin/shows/" + showId + "/tiers",
                Map.of("name", "Floor", "priceCents", 4_500, "capacity", capacity)));
    }

    long seatedTier(long showId, List<Long> seatIds) {
        return created(admin.post("/api/admin/shows/" + showId + "/tiers",
                Map.of("name", "Stalls", "priceCents", 6_000, "seatIds", seatIds)));
    }

    /** The show's seat ids in venue order (section, row, seat). */
    List<Long> seatIds(long showId) {
        return server.query("SELECT seat_id FROM show_seats WHERE show_id = ? ORDER BY seat_id", showId).stream()
                .map(row -> ((Number) row.get("seat_id")).longValue()).toList();
    }

    long version(long showId) {
        return server.number("SELECT version FROM shows WHERE id = ?", showId);
    }

    List<String> auditActions(long showId) {
        return server.query("SELECT action FROM audit_log WHERE show_id = ? ORDER BY id", showId).stream()
                .map(row -> (String) row.get("action")).toList();
    }

    /** Every row of the inventory tables, to show that a refused request changed nothing. */
    List<Map<String, Object>> inventorySnapshot() {
        return server.query("""
                SELECT 'tier' AS kind, id AS id, capacity::text || '/' || held || '/' || sold || '/' || price_cents AS state
                FROM tiers
                UNION ALL SELECT 'seat', seat_id, show_id || '/' || coalesce(tier_id::text, '-') || '/' || status
                    || '/' || coalesce(blocked_reason, '-') FROM show_seats
                UNION ALL SELECT 'show', id, version || '/' || on_sale FROM shows
                UNION ALL SELECT 'venue', id, name || '/' || capacity FROM venues
                UNION ALL SELECT 'venue seat', id, label FROM venue_seats
                UNION ALL SELECT 'event', id, title FROM events
                UNION ALL SELECT 'audit', id, action FROM audit_log
                ORDER BY 1, 2, 3""");
    }

    static long created(ApiResponse response) {
        assertEquals(201, response.status(), response::toString);
        return response.body().get("id").asLong();
    }
}
