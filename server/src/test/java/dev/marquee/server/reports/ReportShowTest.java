package dev.marquee.server.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.marquee.server.testing.ApiClient;
import dev.marquee.server.testing.ApiResponse;
import dev.marquee.server.testing.Invariants;
import dev.marquee.server.testing.Shows.Tier;
import dev.marquee.server.testing.Shows;
import dev.marquee.server.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The admin's show report: per tier, per channel and in total, checked by hand and against the ledger. */
class ReportShowTest {

    private static final Map<String, Object> CARD = Map.of("method", "CARD", "cardNumber", "4242424242424242");

    private static TestServer server;
    private static Shows shows;
    private static ApiClient admin;
    private static ApiClient clerk;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        shows = new Shows(server);
        admin = server.admin();
        clerk = server.clerk();
        ApiResponse shift = clerk.post("/api/shifts", Map.of("openingFloatCents", 0));
        assertEquals(201, shift.status(), shift::toString);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void reportTotalsEqualTheOrders() {
        Shows.Show show = shows.ga(Tier.ga("VIP", 9_999, 20), Tier.ga("Floor", 2_550, 50), Tier.ga("Empty", 100, 5));
        ApiClient fan = server.fan();
        String fanHold = hold(fan, show, Map.of(0, 2, 1, 1));
        assertEquals(201, fan.postOnce("/api/holds/" + fanHold + "/checkout", Map.of("payment", CARD)).status());
        sell(show, Map.of(1, 4), CARD);
        sell(show, Map.of(0, 1), Map.of("method", "CASH", "tenderedCents", 10_000));
        hold(server.fan(), show, Map.of(1, 3));

        JsonNode report = report(show.id());

        assertEquals(show.id(), report.get("showId").asLong());
        assertTier(report.at("/tiers/0"), show.tier(0), "VIP", 20, 3, 0, 17, 29_997);
        assertTier(report.at("/tiers/1"), show.tier(1), "Floor", 50, 5, 3, 42, 12_750);
        assertTier(report.at("/tiers/2"), show.tier(2), "Empty", 5, 0, 0, 5, 0);
        assertChannel(report, "ONLINE", 3, 22_548);
        assertChannel(report, "BOX_OFFICE", 5, 20_199);
        assertEquals(42_747, report.get("totalRevenueCents").asLong());
        assertAgreesWithTheLedger(show.id(), report);
        Invariants.check(server, show.id());
    }

    @Test
    void afterRefundsOnlyLiveTicketsCountAtTheirPurchasePrice() {
        Shows.Show show = shows.ga(Tier.ga("A", 4_000, 10), Tier.ga("B", 1_500, 10));
        JsonNode order = sell(show, Map.of(0, 3, 1, 2), CARD);
        ApiClient fan = server.fan();
        String fanOrder = fan.postOnce("/api/holds/" + hold(fan, show, Map.of(0, 1)) + "/checkout",
                Map.of("payment", CARD)).body().get("id").asText();
        List<String> oneOfEach = List.of(ticketOfTier(order, show.tier(0)).get("id").asText(),
                ticketOfTier(order, show.tier(1)).get("id").asText());
        assertEquals(200, clerk.postOnce("/api/orders/" + order.get("id").asText() + "/refund",
                Map.of("ticketIds", oneOfEach)).status());
        assertEquals(200, clerk.postOnce("/api/orders/" + fanOrder + "/refund", Map.of()).status());
        ApiResponse priceChange = admin.patch("/api/admin/tiers/" + show.tier(0), Map.of("priceCents", 9_000));
        assertEquals(200, priceChange.status(), priceChange::toString);
        JsonNode liveA = StreamSupport.stream(order.get("tickets").spliterator(), false)
                .filter(t -> t.get("tierId").asLong() == show.tier(0) && !oneOfEach.contains(t.get("id").asText()))
                .findFirst().orElseThrow();
        assertEquals(200, clerk.post("/api/checkin", Map.of("code", liveA.get("code").asText())).status());

        JsonNode report = report(show.id());

        assertTier(report.at("/tiers/0"), show.tier(0), "A", 10, 2, 0, 8, 8_000);
        assertTier(report.at("/tiers/1"), show.tier(1), "B", 10, 1, 0, 9, 1_500);
        assertEquals(1, report.at("/tiers/0/checkedIn").asInt(), "a checked-in ticket is still revenue");
        assertChannel(report, "ONLINE", 0, 0);
        assertChannel(report, "BOX_OFFICE", 3, 9_500);
        assertEquals(9_500, report.get("totalRevenueCents").asLong());
        assertEquals(9_500, server.number("""
                SELECT (SELECT sum(total_cents) FROM orders WHERE show_id = ?)
                     - (SELECT sum(r.amount_cents) FROM refunds r JOIN orders o ON o.id = r.order_id WHERE o.show_id = ?)""",
                show.id(), show.id()), "sales less refunds");
        assertAgreesWithTheLedger(show.id(), report);
        Invariants.check(server, show.id());
    }

    @Test
    void aSeatedShowsReportAgreesWithItsAvailability() {
        Shows.Show show = shows.seated(3, 6, Tier.rows("Front", 7_000, 1, 1), Tier.rows("Back", 3_000, 2, 3));
        List<Long> front = shows.row(show, 1);
        sell(show, front.subList(0, 2), CARD);
        hold(server.fan(), show, Map.of(1, 4));
        assertEquals(200, admin.post("/api/admin/shows/" + show.id() + "/seats/block",
                Map.of("seatIds", List.of(front.get(5)), "reason", "camera")).status());

        JsonNode report = report(show.id());
        JsonNode availability = server.anonymous().get("/api/shows/" + show.id() + "/availability").body();

        for (int i = 0; i < 2; i++) {
            JsonNode tier = availability.at("/tiers/" + i);
            assertTier(report.at("/tiers/" + i), tier.get("tierId").asLong(), tier.get("name").asText(),
                    tier.get("capacity").asInt(), tier.get("sold").asInt(), tier.get("held").asInt(),
                    tier.get("available").asInt(), tier.get("sold").asLong() * tier.get("priceCents").asLong());
        }
        assertEquals(5, report.at("/tiers/0/capacity").asInt(), "the blocked seat is outside capacity");
        assertEquals(14_000, report.get("totalRevenueCents").asLong());
        assertAgreesWithTheLedger(show.id(), report);
    }

    @Test
    void unknownShowsAreNotFound() {
        assertEquals(404, admin.get("/api/admin/shows/987654/report").status());
        assertEquals("NOT_FOUND", admin.get("/api/admin/shows/abc/report").error());
    }

    @Test
    void onlyAnAdministratorMayReadAReport() {
        Shows.Show show = shows.ga(Tier.ga("Floor", 1_000, 10));
        String path = "/api/admin/shows/" + show.id() + "/report";

        assertEquals("403 FORBIDDEN", statusAndError(clerk.get(path)));
        assertEquals("403 FORBIDDEN", statusAndError(server.fan().get(path)));
        assertEquals("401 UNAUTHORIZED", statusAndError(server.anonymous().get(path)));
        assertEquals("401 UNAUTHORIZED", statusAndError(server.anonymous().get("/api/admin/shows/987654/report")),
                "strangers learn nothing about which shows exist");
        assertEquals(200, admin.get(path).status());
    }

    /** Every figure of the report against sums taken straight from tickets and orders. */
    private static void assertAgreesWithTheLedger(long showId, JsonNode report) {
        for (JsonNode tier : report.get("tiers")) {
            long tierId = tier.get("tierId").asLong();
            assertEquals(server.number("SELECT coalesce(sum(price_cents), 0) FROM tickets "
                    + "WHERE tier_id = ? AND status <> 'REFUNDED'", tierId), tier.get("revenueCents").asLong());
            assertEquals(server.number("SELECT count(*) FROM tickets WHERE tier_id = ? AND status <> 'REFUNDED'",
                    tierId), tier.get("sold").asLong());
        }
        for (String channel : List.of("ONLINE", "BOX_OFFICE")) {
            Map<String, Object> sums = server.query("""
                    SELECT count(t.id) AS tickets, coalesce(sum(t.price_cents), 0) AS revenue
                    FROM tickets t JOIN orders o ON o.id = t.order_id
                    WHERE o.show_id = ? AND o.channel = ? AND t.status <> 'REFUNDED'""", showId, channel).getFirst();
            assertEquals(((Number) sums.get("tickets")).longValue(), report.at("/byChannel/" + channel + "/tickets")
                    .asLong(), channel);
            assertEquals(((Number) sums.get("revenue")).longValue(), report.at("/byChannel/" + channel
                    + "/revenueCents").asLong(), channel);
        }
        assertEquals(server.number("""
                SELECT coalesce(sum(o.total_cents), 0) - coalesce((SELECT sum(r.amount_cents) FROM refunds r
                    JOIN orders o2 ON o2.id = r.order_id WHERE o2.show_id = ?), 0)
                FROM orders o WHERE o.show_id = ?""", showId, showId), report.get("totalRevenueCents").asLong(),
                "total revenue is what the orders took less what was refunded");
    }

    private static void assertTier(JsonNode tier, long tierId, String name, int capacity, int sold, int held,
                                   int available, long revenueCents) {
        assertEquals(tierId, tier.get("tierId").asLong(), tier::toString);
        assertEquals(name, tier.get("name").asText());
        assertEquals(List.of(capacity, sold, held, available), List.of(tier.get("capacity").asInt(),
                tier.get("sold").asInt(), tier.get("held").asInt(), tier.get("available").asInt()),
                "capacity, sold, held, available of " + name);
        assertEquals(revenueCents, tier.get("revenueCents").asLong(), "revenue of " + name);
    }

    private static void assertChannel(JsonNode report, String channel, long tickets, long revenueCents) {
        assertEquals(tickets, report.at("/byChannel/" + channel + "/tickets").asLong(), channel + " " + report);
        assertEquals(revenueCents, report.at("/byChannel/" + channel + "/revenueCents").asLong(), channel);
    }

    private static JsonNode report(long showId) {
        ApiResponse report = admin.get("/api/admin/shows/" + showId + "/report");
        assertEquals(200, report.status(), report::toString);
        return report.body();
    }

    private static JsonNode ticketOfTier(JsonNode order, long tierId) {
        return StreamSupport.stream(order.get("tickets").spliterator(), false)
                .filter(t -> t.get("tierId").asLong() == tierId).findFirst().orElseThrow();
    }

    private static List<Map<String, Object>> items(Shows.Show show, Map<Integer, Integer> quantities) {
        List<Map<String, Object>> items = new ArrayList<>();
        quantities.forEach((tier, quantity) -> items.add(Map.of("tierId", show.tier(tier), "quantity", quantity)));
        return items;
    }

    private static JsonNode sell(Shows.Show show, Map<Integer, Integer> quantities, Map<String, Object> payment) {
        return sold(clerk.postOnce("/api/sales", Map.of("showId", show.id(), "items", items(show, quantities),
                "payment", payment)));
    }

    private static JsonNode sell(Shows.Show show, List<Long> seatIds, Map<String, Object> payment) {
        return sold(clerk.postOnce("/api/sales", Map.of("showId", show.id(), "seatIds", seatIds, "payment", payment)));
    }

    private static JsonNode sold(ApiResponse sale) {
        assertEquals(201, sale.status(), sale::toString);
        return sale.body();
    }

    private static String hold(ApiClient buyer, Shows.Show show, Map<Integer, Integer> quantities) {
        ApiResponse hold = buyer.postOnce("/api/holds", Map.of("showId", show.id(), "items", items(show, quantities)));
        assertEquals(201, hold.status(), hold::toString);
        return hold.body().get("id").asText();
    }

    private static String statusAndError(ApiResponse answer) {
        return answer.status() + " " + answer.error();
    }
}
