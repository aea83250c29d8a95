package dev.marquee.server.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.marquee.server.testing.ApiClient;
import dev.marquee.server.testing.ApiResponse;
import dev.marquee.server.testing.Invariants;
import dev.marquee.server.testing.PostgresPair;
import dev.marquee.server.testing.Shows.Tier;
import dev.marquee.server.testing.Shows;
import dev.marquee.server.testing.TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The backup and restore docs/operations.md gives: a dump of a selling server's database, restored into a new
 * database, serves a second server that shows the same stock, admits the sold tickets at the door and sells on.
 */
class BackupRestoreTest {

    private static final Map<String, Object> CARD = Map.of("method", "CARD", "cardNumber", "4242424242424242");

    @Test
    void aRestoredDumpSellsOnAndAdmitsWhatWasSold() throws IOException {
        Path dump = Files.createTempFile("marquee-", ".dump");
        try (PostgresPair pair = PostgresPair.start();
             TestServer server = TestServer.onDatabase(pair.jdbcUrl(), TestServer.Tuning.DEFAULT)) {
            Shows.Show show = new Shows(server).ga(Tier.ga("GA", 1000, 100));
            ApiResponse sold = server.clerk().postOnce("/api/sales", sale(show, 3));
            assertEquals(201, sold.status(), sold.toString());
            JsonNode before = server.anonymous().get("/api/shows/" + show.id() + "/availability").body();

            pair.dump(dump);
            pair.restore(dump, "marquee_restored");

            try (TestServer restored = TestServer.onDatabase(pair.jdbcUrl("marquee_restored"), TestServer.Tuning.DEFAULT)) {
                JsonNode after = restored.anonymous().get("/api/shows/" + show.id() + "/availability").body();
                assertEquals(before.get("tiers"), after.get("tiers"));
                ApiClient door = restored.clerk();
                String code = sold.body().get("tickets").get(0).get("code").asText();
                ApiResponse admitted = door.post("/api/checkin", Map.of("code", code));
                assertEquals(200, admitted.status(), admitted.toString());
                ApiResponse sellsOn = door.postOnce("/api/sales", sale(show, 2));
                assertEquals(201, sellsOn.status(), sellsOn.toString());
                Invariants.check(restored, show.id());
            }
        } finally {
            Files.deleteIfExists(dump);
        }
    }

    private static Map<String, Object> sale(Shows.Show show, int quantity) {
        return Map.of("showId", show.id(), "items", List.of(Map.of("tierId", show.tier(0), "quantity", quantity)),
                "payment", CARD);
    }
}
