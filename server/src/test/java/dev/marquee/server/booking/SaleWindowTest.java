package dev.marquee.server.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.marquee.server.testing.ApiClient;
import dev.marquee.server.testing.ApiResponse;
import dev.marquee.server.testing.Shows.Tier;
import dev.marquee.server.testing.Shows;
import dev.marquee.server.testing.TestServer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * When a show sells: only while on sale (a hold made before it went off sale does not check out), online until it
 * starts, at the box office until two hours after; dates outside 2000-2100 are typing slips.
 */
class SaleWindowTest {

    private static final Map<String, Object> CARD = Map.of("method", "CARD", "cardNumber", "4242424242424242");

    private static TestServer server;
    private static Shows shows;
    private static ApiClient fan;
    private static ApiClient clerk;
    private static ApiClient admin;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        shows = new Shows(server);
        fan = server.fan();
        clerk = server.clerk();
        admin = server.admin();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aHoldMadeBeforeTheShowWentOffSaleDoesNotCheckOutUntilItIsBackOnSale() {
        Shows.Show show = shows.ga(Tier.ga("GA", 1000, 50));
        ApiResponse hold = fan.postOnce("/api/holds", items(show, 2));
        assertEquals(201, hold.status(), hold::toString);
        String holdId = hold.body().get("id").asText();
        assertEquals(200, admin.patch("/api/admin/shows/" + show.id(), Map.of("onSale", false)).status());

        ApiResponse refused = fan.postOnce("/api/holds/" + holdId + "/checkout", Map.of("payment", CARD));

        assertEquals(409, refused.status(), refused::toString);
        assertEquals("NOT_ON_SALE", refused.error());
        assertEquals(0, server.number("SELECT count(*) FROM orders WHERE show_id = ?", show.id()));
        assertEquals(2, server.number("SELECT held FROM tiers WHERE id = ?", show.tier(0)), "the hold still holds");
        assertEquals("ACTIVE", fan.get("/api/holds/" + holdId).body().get("status").asText());

        assertEquals(200, admin.patch("/api/admin/shows/" + show.id(), Map.of("onSale", true)).status());
        assertEquals(201, fan.postOnce("/api/holds/" + holdId + "/checkout", Map.of("payment", CARD)).status(),
                "back on sale, the same hold checks out");
    }

    @Test
    void onceAShowHasStartedFansCannotHoldOrCheckOutButTheDoorSells() {
        Shows.Show show = shows.ga(Tier.ga("GA", 1000, 50));
        String holdId = fan.postOnce("/api/holds", items(show, 1)).body().get("id").asText();
        startsIn(show, "-1 minute");

        ApiResponse hold = fan.postOnce("/api/holds", items(show, 1));
        ApiResponse checkout = fan.postOnce("/api/holds/" + holdId + "/checkout", Map.of("payment", CARD));
        ApiResponse door = clerk.postOnce("/api/sales", sale(show, 1));

        assertEquals(409, hold.status(), hold::toString);
        assertEquals("NOT_ON_SALE", hold.error());
        assertEquals(409, checkout.status(), checkout::toString);
        assertEquals("NOT_ON_SALE", checkout.error());
        assertEquals(201, door.status(), "the box office sells at the door: " + door);
    }

    @Test
    void doorSalesCloseTwoHoursAfterTheStart() {
        Shows.Show show = shows.ga(Tier.ga("GA", 1000, 50));
        startsIn(show, "-119 minutes");
        assertEquals(201, clerk.postOnce("/api/sales", sale(show, 1)).status());

        startsIn(show, "-121 minutes");
        ApiResponse late = clerk.postOnce("/api/sales", sale(show, 1));

        assertEquals(409, late.status(), late::toString);
        assertEquals("NOT_ON_SALE", late.error());
    }

    @Test
    void aSeatedShowThatStartedIsClosedOnlineToo() {
        Shows.Show show = shows.seated(2, 4, Tier.rows("Stalls", 2000, 1, 2));
        startsIn(show, "-1 second");

        ApiResponse hold = fan.postOnce("/api/holds", Map.of("showId", show.id(),
                "seatIds", List.of(shows.row(show, 1).getFirst())));

        assertEquals(409, hold.status(), hold::toString);
        assertEquals("NOT_ON_SALE", hold.error());
    }

    @Test
    void datesOutsideTheYears2000To2100AreRefused() {
        long event = server.number("INSERT INTO events (title, description) VALUES ('Dated', 'x') RETURNING id");
        long venue = server.number("INSERT INTO venues (name, capacity) VALUES ('Hall', 100) RETURNING id");
        for (String when : new String[] {"-5000-01-01T00:00:00Z", "1999-12-31T23:59:59Z", "2101-01-01T00:00:00Z",
                "+10000-01-01T00:00:00Z"}) {
            Map<String, Object> body = new HashMap<>(Map.of("venueId", venue, "startsAt", when, "seatingMode", "GA"));
            ApiResponse created = admin.post("/api/admin/events/" + event + "/shows", body);
            assertEquals(400, created.status(), when + ": " + created);
            assertEquals("VALIDATION_FAILED", created.error());
        }
        assertEquals(0, server.number("SELECT count(*) FROM shows WHERE event_id = ?", event));
        Shows.Show show = shows.ga(Tier.ga("GA", 1000, 5));
        ApiResponse patched = admin.patch("/api/admin/shows/" + show.id(), Map.of("onSaleAt", "1970-01-01T00:00:00Z"));
        assertEquals(400, patched.status(), patched::toString);
        assertEquals("onSaleAt", patched.body().at("/details/field").asText());
    }

    private static void startsIn(Shows.Show show, String interval) {
        server.update("UPDATE shows SET starts_at = now() + ?::interval WHERE id = ?", interval, show.id());
    }

    private static Map<String, Object> items(Shows.Show show, int quantity) {
        return Map.of("showId", show.id(), "items", List.of(Map.of("tierId", show.tier(0), "quantity", quantity)));
    }

    private static Map<String, Object> sale(Shows.Show show, int quantity) {
        Map<String, Object> sale = new HashMap<>(items(show, quantity));
        sale.put("payment", CARD);
        return sale;
    }
}
