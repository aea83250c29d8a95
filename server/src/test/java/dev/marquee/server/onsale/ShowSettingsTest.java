package dev.marquee.server.onsale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.marquee.server.testing.ApiClient;
import dev.marquee.server.testing.ApiResponse;
import dev.marquee.server.testing.Shows.Tier;
import dev.marquee.server.testing.Shows;
import dev.marquee.server.testing.TestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The show settings of v1.1 through PATCH /api/admin/shows/{id}: any subset, null where null means something. */
class ShowSettingsTest {

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
    void everyShowStartsAutoWithNoOpeningAndALimitOfTen() {
        Shows.Show show = shows.ga(Tier.ga("GA", 1000, 10));
        server.update("UPDATE shows SET max_tickets_per_account = DEFAULT, waiting_room = DEFAULT WHERE id = ?",
                show.id());

        JsonNode detail = server.anonymous().get("/api/shows/" + show.id()).body();

        assertEquals("AUTO", detail.get("waitingRoom").asText());
        assertTrue(detail.has("onSaleAt") && detail.get("onSaleAt").isNull(), detail.toString());
        assertEquals(10, detail.get("maxTicketsPerAccount").asInt());
    }

    @Test
    void anySubsetChangesOnlyWhatItNamesAndIsAudited() {
        Shows.Show show = shows.ga(Tier.ga("GA", 1000, 10));

        ApiResponse changed = admin.patch("/api/admin/shows/" + show.id(), Map.of("waitingRoom", "ON",
                "onSaleAt", "2031-05-01T18:00:00Z", "maxTicketsPerAccount", 4));

        assertEquals(200, changed.status(), changed.toString());
        assertEquals("ON", changed.body().get("waitingRoom").asText());
        assertEquals("2031-05-01T18:00:00Z", changed.body().get("onSaleAt").asText());
        assertEquals(4, changed.body().get("maxTicketsPerAccount").asInt());
        assertTrue(changed.body().get("onSale").asBoolean(), "onSale was not named and stays");
        JsonNode audit = admin.get("/api/admin/audit?showId=" + show.id()).body();
        JsonNode settings = first(audit, "SHOW_SETTINGS_CHANGED");
        assertEquals("AUTO", settings.at("/details/waitingRoom/from").asText());
        assertEquals("ON", settings.at("/details/waitingRoom/to").asText());
        assertEquals("4", settings.at("/details/maxTicketsPerAccount/to").asText());

        ApiResponse offSale = admin.patch("/api/admin/shows/" + show.id(), Map.of("onSale", false));
        assertEquals("ON", offSale.body().get("waitingRoom").asText());
        assertEquals(4, offSale.body().get("maxTicketsPerAccount").asInt());
        assertTrue(first(admin.get("/api/admin/audit?showId=" + show.id()).body(), "SHOW_ON_SALE_CHANGED") != null);
    }

    @Test
    void nullClearsTheOpeningAndTheLimit() {
        Shows.Show show = shows.ga(Tier.ga("GA", 1000, 10));
        admin.patch("/api/admin/shows/" + show.id(), Map.of("onSaleAt", "2031-05-01T18:00:00Z"));
        ApiResponse cleared = admin.patch("/api/admin/shows/" + show.id(),
                "{\"onSaleAt\": null, \"maxTicketsPerAccount\": null}");

        assertEquals(200, cleared.status(), cleared.toString());
        assertTrue(cleared.body().get("onSaleAt").isNull());
        assertTrue(cleared.body().get("maxTicketsPerAccount").isNull());
        assertEquals(List.of(), server.query("SELECT 1 FROM shows WHERE id = ? AND (on_sale_at IS NOT NULL "
                + "OR max_tickets_per_account IS NOT NULL)", show.id()));
    }

    @Test
    void onlyAnAdminChangesSettingsOfAShowThatExists() {
        Shows.Show show = shows.ga(Tier.ga("GA", 1000, 10));
        assertEquals(403, server.fan().patch("/api/admin/shows/" + show.id(), Map.of("waitingRoom", "OFF")).status());
        assertEquals(403, server.clerk().patch("/api/admin/shows/" + show.id(), Map.of("waitingRoom", "OFF"))
                .status());
        ApiResponse missing = admin.patch("/api/admin/shows/999999", Map.of("waitingRoom", "OFF"));
        assertEquals(404, missing.status());
        assertEquals("NOT_FOUND", missing.error());
    }

    private static JsonNode first(JsonNode audit, String action) {
        for (JsonNode entry : audit) {
            if (action.equals(entry.get("action").asText())) {
                return entry;
            }
        }
        return null;
    }
}
