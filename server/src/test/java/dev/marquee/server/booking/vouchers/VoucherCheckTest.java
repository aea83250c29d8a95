package dev.marquee.server.booking.vouchers;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

/** A code checked at the counter before a sale: the voucher as a sale would find it, or the same refusal. */
class VoucherCheckTest {

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
    void theCounterSeesWhatACodeGivesAndWhyItIsRefused() {
        Shows.Show show = shows.ga(Tier.ga("Floor", 1_000, 10));
        ApiClient admin = server.admin();
        String vouchers = "/api/admin/shows/" + show.id() + "/vouchers";
        assertEquals(201, admin.post(vouchers, Map.of("code", "TENOFF", "kind", "PERCENT", "value", 10,
                "maxUses", 1)).status());
        assertEquals(201, admin.post(vouchers, Map.of("code", "GONE", "kind", "PERCENT", "value", 10,
                "maxUses", 1, "validFrom", "2001-01-01T00:00:00Z", "validUntil", "2002-01-01T00:00:00Z")).status());
        ApiClient clerk = server.clerk();

        ApiResponse found = clerk.get("/api/shows/" + show.id() + "/vouchers/tenoff");
        assertEquals(200, found.status(), found::toString);
        assertEquals("TENOFF", found.body().get("code").asText());
        assertEquals(10, found.body().get("value").asInt());
        ApiResponse expired = clerk.get("/api/shows/" + show.id() + "/vouchers/GONE");
        assertEquals(409, expired.status());
        assertEquals("EXPIRED", expired.body().at("/details/reason").asText());
        assertEquals("UNKNOWN", clerk.get("/api/shows/" + show.id() + "/vouchers/NOPE").body()
                .at("/details/reason").asText());
        assertEquals(201, clerk.postOnce("/api/sales", Map.of("showId", show.id(), "items",
                List.of(Map.of("tierId", show.tier(0), "quantity", 1)), "voucherCode", "TENOFF",
                "payment", Map.of("method", "CARD", "cardNumber", "4242424242424242"))).status());
        assertEquals("USED_UP", clerk.get("/api/shows/" + show.id() + "/vouchers/TENOFF").body()
                .at("/details/reason").asText());
        assertEquals(403, server.fan().get("/api/shows/" + show.id() + "/vouchers/TENOFF").status(),
                "fans do not try codes here: their hold says what a code gives");
    }
}
