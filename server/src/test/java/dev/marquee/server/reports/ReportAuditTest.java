package dev.marquee.server.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.marquee.server.testing.ApiClient;
import dev.marquee.server.testing.ApiResponse;
import dev.marquee.server.testing.Shows.Tier;
import dev.marquee.server.testing.Shows;
import dev.marquee.server.testing.TestServer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The admin's audit list: newest first, filtered by show, limited, and for administrators only. */
class ReportAuditTest {

    private static final Map<String, Object> CARD = Map.of("method", "CARD", "cardNumber", "4242424242424242");

    private static TestServer server;
    private static Shows shows;
    private static ApiClient admin;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        shows = new Shows(server);
        admin = server.admin();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void auditIsNewestFirstAndFilteredByShow() {
        Shows.Show first = shows.ga(Tier.ga("Floor", 1_000, 10));
        Shows.Show second = shows.ga(Tier.ga("Floor", 2_000, 10));
        ApiClient clerk = server.clerk();
        String clerkEmail = clerk.get("/api/me").body().get("email").asText();
        String adminEmail = admin.get("/api/me").body().get("email").asText();

        ApiResponse sale = clerk.postOnce("/api/sales", Map.of("showId", first.id(),
                "items", List.of(Map.of("tierId", first.tier(0), "quantity", 2)), "payment", CARD));
        assertEquals(201, sale.status(), sale::toString);
        assertEquals(200, admin.patch("/api/admin/tiers/" + second.tier(0), Map.of("priceCents", 2_500)).status());
        assertEquals(200, clerk.postOnce("/api/orders/" + sale.body().get("id").asText() + "/refund", Map.of())
                .status());
        assertEquals(200, admin.patch("/api/admin/shows/" + first.id(), Map.of("onSale", false)).status());
        assertEquals(201, clerk.post("/api/shifts", Map.of("openingFloatCents", 1_000)).status());

        JsonNode ofFirst = audit("?showId=" + first.id());
        JsonNode ofSecond = audit("?showId=" + second.id());
        JsonNode everything = audit("");

        assertEquals(List.of("SHOW_ON_SALE_CHANGED", "REFUND", "SALE"), actions(ofFirst));
        ofFirst.forEach(entry -> assertEquals(first.id(), entry.get("showId").asLong(), entry::toString));
        assertEquals(List.of(adminEmail, clerkEmail, clerkEmail), field(ofFirst, "actor"));
        assertEquals(sale.body().get("id").asText(), ofFirst.at("/2/details/orderId").asText());
        assertEquals(2_000, ofFirst.at("/1/details/amountCents").asLong());
        assertEquals(List.of("TIER_CHANGED"), actions(ofSecond));
        assertEquals(List.of("SHIFT_OPENED", "SHOW_ON_SALE_CHANGED", "REFUND", "TIER_CHANGED", "SALE"),
                actions(everything).subList(0, 5));
        assertFalse(everything.get(0).has("showId"), "a shift concerns no show");
        assertEquals(1_000, everything.at("/0/details/openingFloatCents").asLong());
        assertNewestFirst(everything);
        assertEquals(server.number("SELECT count(*) FROM audit_log"), everything.size(), "all of it, under the limit");
    }

    @Test
    void limitTakesTheNewestEntries() {
        Shows.Show show = shows.ga(Tier.ga("Floor", 1_000, 10));
        for (int price = 1_100; price <= 1_500; price += 100) {
            assertEquals(200, admin.patch("/api/admin/tiers/" + show.tier(0), Map.of("priceCents", price)).status());
        }

        JsonNode two = audit("?showId=" + show.id() + "&limit=2");

        assertEquals(2, two.size());
        assertEquals(1_500, two.at("/0/details/newPriceCents").asLong(), "the newest change is first: " + two);
        assertEquals(1_400, two.at("/1/details/newPriceCents").asLong());
        assertEquals(audit("?showId=" + show.id()).get(0), two.get(0));
        assertEquals(audit("?showId=" + show.id()).get(1), two.get(1));
        assertEquals(1, audit("?limit=1").size());
        assertEquals(200, admin.get("/api/admin/audit?limit=1000").status());
        assertEquals(5, audit("?showId=" + show.id() + "&limit=1000").size());
    }

    @Test
    void badParametersAreRefusedAndUnknownShowsAreNotFound() {
        for (String query : List.of("limit=0", "limit=1001", "limit=-1", "limit=abc", "limit=1.5",
                "showId=abc", "showId=0", "showId=-3", "showId=1e3", "showId=99999999999999999999")) {
            ApiResponse answer = admin.get("/api/admin/audit?" + query);
            assertEquals(400, answer.status(), query + ": " + answer);
            assertEquals("VALIDATION_FAILED", answer.error(), query);
        }
        assertEquals(200, admin.get("/api/admin/audit?showId=&limit=").status(), "empty is as if absent");
        ApiResponse unknown = admin.get("/api/admin/audit?showId=987654");
        assertEquals(404, unknown.status(), unknown::toString);
    }

    @Test
    void onlyAnAdministratorMayReadTheAudit() {
        assertEquals("403 FORBIDDEN", statusAndError(server.clerk().get("/api/admin/audit")));
        assertEquals("403 FORBIDDEN", statusAndError(server.fan().get("/api/admin/audit?showId=1")));
        assertEquals("401 UNAUTHORIZED", statusAndError(server.anonymous().get("/api/admin/audit")));
        assertEquals("401 UNAUTHORIZED", statusAndError(server.anonymous().get("/api/admin/audit?limit=abc")),
                "sign-in is checked before the parameters");
    }

    private static void assertNewestFirst(JsonNode entries) {
        for (int i = 1; i < entries.size(); i++) {
            Instant newer = Instant.parse(entries.get(i - 1).get("at").asText());
            Instant older = Instant.parse(entries.get(i).get("at").asText());
            assertTrue(!newer.isBefore(older), "entry " + i + " is newer than the one before it: " + entries);
        }
    }

    private static JsonNode audit(String query) {
        ApiResponse answer = admin.get("/api/admin/audit" + query);
        assertEquals(200, answer.status(), answer::toString);
        assertTrue(answer.body().isArray(), answer::toString);
        return answer.body();
    }

    private static List<String> actions(JsonNode entries) {
        return field(entries, "action");
    }

    private static List<String> field(JsonNode entries, String name) {
        List<String> values = new ArrayList<>();
        entries.forEach(entry -> values.add(entry.get(name).asText()));
        return values;
    }

    private static String statusAndError(ApiResponse answer) {
        return answer.status() + " " + answer.error();
    }
}
