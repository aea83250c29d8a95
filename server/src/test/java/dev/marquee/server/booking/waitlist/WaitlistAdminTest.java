package dev.marquee.server.booking.waitlist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.marquee.server.testing.ApiClient;
import dev.marquee.server.testing.ApiResponse;
import dev.marquee.server.testing.Shows.Tier;
import dev.marquee.server.testing.Shows;
import dev.marquee.server.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The administrator's read of a show's waiting list: each tier's length, and the entries in serving order. */
class WaitlistAdminTest {

    private static final Map<String, Object> CARD = Map.of("method", "CARD", "cardNumber", "4242424242424242");

    private static TestServer server;
    private static Shows shows;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        shows = new Shows(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void everyTierIsListedWithItsLengthAndTheEntriesComeInServingOrder() {
        Shows.Show show = shows.ga(Tier.ga("Floor", 1_000, 2), Tier.ga("Balcony", 800, 5), Tier.ga("Box", 3_000, 1));
        JsonNode floor = sell(show, 0, 2);
        sell(show, 2, 1);
        ApiClient first = server.fan();
        ApiClient second = server.fan();
        ApiClient third = server.fan();
        ApiClient boxFan = server.fan();
        join(first, show, show.tier(0), 1);
        join(second, show, show.tier(0), 3);
        join(third, show, show.tier(0), 2);
        join(boxFan, show, show.tier(2), 1);
        ApiClient left = server.fan();
        String leftId = join(left, show, show.tier(2), 1).get("id").asText();
        assertEquals(204, left.delete("/api/waitlist/" + leftId).status());
        refund(floor, 0);

        JsonNode list = waitlist(show.id());

        assertEquals(show.id(), list.get("showId").asLong());
        List<String> tiers = new ArrayList<>();
        list.get("tiers").forEach(tier -> tiers.add(tier.get("name").asText() + " " + tier.get("waitingEntries")
                + "/" + tier.get("waitingTickets") + "/" + tier.get("offeredEntries")));
        assertEquals(List.of("Floor 2/5/1", "Balcony 0/0/0", "Box 1/1/0"), tiers, list::toString);
        List<String> entries = new ArrayList<>();
        list.get("entries").forEach(entry -> entries.add(entry.get("email").asText() + " "
                + entry.get("state").asText() + " " + entry.get("position").asInt() + " x"
                + entry.get("quantity").asInt()));
        assertEquals(List.of(email(first) + " OFFERED 0 x1", email(second) + " WAITING 1 x3",
                email(third) + " WAITING 2 x2", email(boxFan) + " WAITING 1 x1"), entries, "left entries are gone");
        JsonNode offered = list.at("/entries/0");
        assertEquals(show.tier(0), offered.get("tierId").asLong());
        assertEquals(mine(first).at("/offer/holdId").asText(), offered.at("/offer/holdId").asText());
        assertTrue(offered.at("/offer/expiresAt").isTextual());
        assertTrue(offered.get("joinedAt").isTextual());
        assertEquals(mine(second).get("id").asText(), list.at("/entries/1/id").asText());
        assertTrue(list.at("/entries/1").path("offer").isMissingNode() || list.at("/entries/1/offer").isNull());
    }

    @Test
    void aShowNobodyWaitsForListsItsTiersWithZeros() {
        Shows.Show show = shows.ga(Tier.ga("Floor", 1_000, 10));

        JsonNode list = waitlist(show.id());

        assertEquals(1, list.get("tiers").size());
        assertEquals(0, list.at("/tiers/0/waitingEntries").asInt());
        assertEquals(0, list.at("/tiers/0/waitingTickets").asInt());
        assertEquals(0, list.at("/tiers/0/offeredEntries").asInt());
        assertEquals(0, list.get("entries").size());
    }

    @Test
    void onlyAnAdminReadsItAndAnUnknownShowIsNotFound() {
        Shows.Show show = shows.ga(Tier.ga("Floor", 1_000, 1));
        String path = "/api/admin/shows/" + show.id() + "/waitlist";

        assertEquals(401, server.anonymous().get(path).status());
        assertEquals(403, server.fan().get(path).status());
        assertEquals(403, server.clerk().get(path).status());
        ApiResponse unknown = server.admin().get("/api/admin/shows/999999999/waitlist");
        assertEquals(404, unknown.status());
        assertEquals("NOT_FOUND", unknown.body().get("error").asText(), unknown::toString);
        assertEquals(404, server.admin().get("/api/admin/shows/abc/waitlist").status());
    }

    private static JsonNode waitlist(long showId) {
        ApiResponse read = server.admin().get("/api/admin/shows/" + showId + "/waitlist");
        assertEquals(200, read.status(), read::toString);
        return read.body();
    }

    private static JsonNode sell(Shows.Show show, int tier, int quantity) {
        ApiResponse sale = server.clerk().postOnce("/api/sales", Map.of("showId", show.id(),
                "items", List.of(Map.of("tierId", show.tier(tier), "quantity", quantity)), "payment", CARD));
        assertEquals(201, sale.status(), sale::toString);
        return sale.body();
    }

    private static void refund(JsonNode order, int ticket) {
        ApiResponse refunded = server.clerk().postOnce("/api/orders/" + order.get("id").asText() + "/refund",
                Map.of("ticketIds", List.of(order.at("/tickets/" + ticket + "/id").asText())));
        assertEquals(200, refunded.status(), refunded::toString);
    }

    private static JsonNode join(ApiClient fan, Shows.Show show, long tierId, int quantity) {
        ApiResponse joined = fan.post("/api/shows/" + show.id() + "/waitlist",
                Map.of("tierId", tierId, "quantity", quantity));
        assertEquals(201, joined.status(), joined::toString);
        return joined.body();
    }

    private static JsonNode mine(ApiClient fan) {
        return fan.get("/api/me/waitlist").body().get(0);
    }

    private static String email(ApiClient fan) {
        return (String) server.query("SELECT email FROM users WHERE id = ?::uuid", fan.userId()).getFirst()
                .get("email");
    }
}
