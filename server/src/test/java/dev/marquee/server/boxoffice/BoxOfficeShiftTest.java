package dev.marquee.server.boxoffice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.marquee.server.testing.ApiClient;
import dev.marquee.server.testing.ApiResponse;
import dev.marquee.server.testing.Invariants;
import dev.marquee.server.testing.Shows.Tier;
import dev.marquee.server.testing.Shows;
import dev.marquee.server.testing.TestServer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Cash drawer shifts over HTTP: the Z-report to the cent, one open shift each, and cash only on an open shift. */
class BoxOfficeShiftTest {

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
    void zReportAddsUpCashAndCardSalesAndRefundsToTheCent() {
        Shows.Show show = shows.ga(Tier.ga("Floor", 1250, 100), Tier.ga("Balcony", 3333, 100));
        ApiClient clerk = server.clerk();
        ApiClient fan = server.fan();
        String shiftId = openShift(clerk, 10_000);

        JsonNode cashSale = sell(clerk, show, 0, 2, cash(3_000));
        assertEquals(500, cashSale.get("changeDueCents").asLong());
        JsonNode cardSale = sell(clerk, show, 1, 1, CARD);
        String heldByClerk = hold(clerk, show, 1, 1);
        ApiResponse cashCheckout = clerk.postOnce("/api/holds/" + heldByClerk + "/checkout",
                Map.of("payment", cash(4_000)));
        assertEquals(201, cashCheckout.status(), cashCheckout::toString);
        String fanOrder = fan.postOnce("/api/holds/" + hold(fan, show, 0, 1) + "/checkout", Map.of("payment", CARD))
                .body().get("id").asText();

        refund(clerk, cashSale.get("id").asText(), List.of(cashSale.at("/tickets/0/id").asText()));
        refund(clerk, cardSale.get("id").asText(), null);
        refund(clerk, fanOrder, null);

        JsonNode running = clerk.get("/api/shifts/current").body();
        assertEquals(shiftId, running.get("id").asText());
        assertFigures(running, 10_000, 5_833, 1_250, 3_333, 14_583, 4, 3);
        assertEquals(4_583, running.get("cardRefundsCents").asLong(), "card refunds: the card sale and the fan's order");
        assertFalse(running.has("closedAt"), running::toString);
        assertFalse(running.has("varianceCents"), running::toString);

        ApiResponse closed = clerk.post("/api/shifts/" + shiftId + "/close", Map.of("countedCashCents", 14_500));

        assertEquals(200, closed.status(), closed::toString);
        JsonNode report = closed.body();
        assertFigures(report, 10_000, 5_833, 1_250, 3_333, 14_583, 4, 3);
        assertEquals(14_500, report.get("countedCashCents").asLong());
        assertEquals(-83, report.get("varianceCents").asLong(), "the drawer is 83 cents short");
        assertEquals(running.get("openedAt"), report.get("openedAt"));
        assertFalse(Instant.parse(report.get("closedAt").asText()).isBefore(
                Instant.parse(report.get("openedAt").asText())));
        assertEquals(3, server.number("SELECT count(*) FROM orders WHERE shift_id = ?::uuid", shiftId),
                "the cash sale, the card sale and the cash checkout are on the shift; the fan's order is not");
        assertEquals(3, server.number("SELECT count(*) FROM refunds WHERE shift_id = ?::uuid", shiftId));
        assertEquals(sqlFigures(shiftId), List.of(report.get("cashSalesCents").asLong(),
                report.get("cardSalesCents").asLong(), report.get("cashRefundsCents").asLong(),
                report.get("ticketsSold").asLong(), report.get("ticketsRefunded").asLong()));
        assertEquals(report, clerk.get("/api/shifts/" + shiftId).body(), "a closed shift answers its Z-report again");
        assertEquals(1, server.number("""
                SELECT count(*) FROM audit_log WHERE action = 'SHIFT_CLOSED' AND details->>'shiftId' = ?
                AND (details->>'varianceCents')::bigint = -83""", shiftId));
        Invariants.check(server, show.id());
    }

    @Test
    void aSecondOpenShiftOfTheSamePersonIsAConflictWhileOtherStaffOpenTheirOwn() {
        ApiClient clerk = server.clerk();
        String first = openShift(clerk, 5_000);

        ApiResponse second = clerk.post("/api/shifts", Map.of("openingFloatCents", 0));
        ApiResponse otherClerk = server.clerk().post("/api/shifts", Map.of("openingFloatCents", 0));
        ApiResponse admin = server.admin().post("/api/shifts", Map.of("openingFloatCents", 0));

        assertEquals(409, second.status(), second::toString);
        assertEquals("SHIFT_CONFLICT", second.error());
        assertEquals(first, second.body().at("/details/shiftId").asText(), "the conflict names the open shift");
        assertEquals(201, otherClerk.status(), otherClerk::toString);
        assertEquals(201, admin.status(), "an administrator may run a drawer too");
        assertEquals(1, server.number("SELECT count(*) FROM shifts WHERE staff_id = ?::uuid", clerk.userId()));
        assertEquals(1, server.number("""
                SELECT count(*) FROM audit_log WHERE action = 'SHIFT_OPENED' AND details->>'shiftId' = ?
                AND (details->>'openingFloatCents')::bigint = 5000""", first));
    }

    @Test
    void cashWithoutAnOpenShiftIsAConflictAndTakesNothing() {
        Shows.Show show = shows.ga(Tier.ga("Floor", 2000, 10));
        ApiClient clerk = server.clerk();
        ApiClient drawerClerk = server.clerk();
        openShift(drawerClerk, 0);
        String cashOrder = sell(drawerClerk, show, 0, 2, cash(4_000)).get("id").asText();
        String held = hold(clerk, show, 0, 1);

        ApiResponse sale = clerk.postOnce("/api/sales", saleBody(show, 0, 1, cash(2_000)));
        ApiResponse checkout = clerk.postOnce("/api/holds/" + held + "/checkout", Map.of("payment", cash(2_000)));
        ApiResponse refund = clerk.postOnce("/api/orders/" + cashOrder + "/refund", Map.of());

        for (ApiResponse answer : List.of(sale, checkout, refund)) {
            assertEquals(409, answer.status(), answer::toString);
            assertEquals("SHIFT_CONFLICT", answer.error());
        }
        assertEquals(2, server.number("SELECT sold FROM tiers WHERE id = ?", show.tier(0)), "only the drawer clerk's sale");
        assertEquals(1, server.number("SELECT held FROM tiers WHERE id = ?", show.tier(0)), "the hold is still held");
        assertEquals("ACTIVE", clerk.get("/api/holds/" + held).body().get("status").asText());
        assertEquals("PAID", clerk.get("/api/orders/" + cashOrder).body().get("status").asText());
        JsonNode cardSale = sell(clerk, show, 0, 1, CARD);
        assertEquals(1, server.number("SELECT count(*) FROM orders WHERE id = ?::uuid AND shift_id IS NULL",
                cardSale.get("id").asText()), "card needs no drawer and belongs to none when none is open");
        Invariants.check(server, show.id());
    }

    @Test
    void aClosedShiftTakesNoMoreCashAndCannotBeClosedAgain() {
        Shows.Show show = shows.ga(Tier.ga("Floor", 1000, 10));
        ApiClient clerk = server.clerk();
        String shiftId = openShift(clerk, 2_000);
        sell(clerk, show, 0, 1, cash(1_000));
        ApiResponse closed = clerk.post("/api/shifts/" + shiftId + "/close", Map.of("countedCashCents", 3_000));
        assertEquals(200, closed.status(), closed::toString);
        assertEquals(0, closed.body().get("varianceCents").asLong());

        ApiResponse again = clerk.post("/api/shifts/" + shiftId + "/close", Map.of("countedCashCents", 1));
        ApiResponse cashAfter = clerk.postOnce("/api/sales", saleBody(show, 0, 1, cash(1_000)));
        ApiResponse current = clerk.get("/api/shifts/current");

        assertEquals(409, again.status(), again::toString);
        assertEquals("SHIFT_CONFLICT", again.error());
        assertEquals(closed.body().get("closedAt"), again.body().at("/details/closedAt"));
        assertEquals(3_000, server.number("SELECT counted_cash_cents FROM shifts WHERE id = ?::uuid", shiftId),
                "the first count stands");
        assertEquals("SHIFT_CONFLICT", cashAfter.error());
        assertEquals(1, server.number("SELECT sold FROM tiers WHERE id = ?", show.tier(0)));
        assertEquals(404, current.status(), current::toString);
        assertEquals("NOT_FOUND", current.error());
        String next = openShift(clerk, 0);
        assertTrue(!next.equals(shiftId), "a new shift may follow a closed one");
        assertEquals(0, clerk.get("/api/shifts/current").body().get("cashSalesCents").asLong(),
                "the new shift starts from nothing");
    }

    @Test
    void anotherPersonsShiftDoesNotExistForThem() {
        ApiClient owner = server.clerk();
        String shiftId = openShift(owner, 1_000);

        for (ApiClient other : List.of(server.clerk(), server.admin())) {
            ApiResponse close = other.post("/api/shifts/" + shiftId + "/close", Map.of("countedCashCents", 1_000));
            assertEquals(404, close.status(), close::toString);
            assertEquals("NOT_FOUND", close.error());
            assertEquals(404, other.get("/api/shifts/" + shiftId).status());
        }
        assertEquals(1, server.number("SELECT count(*) FROM shifts WHERE id = ?::uuid AND closed_at IS NULL", shiftId));
        assertEquals(404, owner.get("/api/shifts/" + UUID.randomUUID()).status());
        assertEquals(404, owner.post("/api/shifts/not-a-uuid/close", Map.of("countedCashCents", 0)).status());
    }

    @Test
    void openingFloatAndCountedCashAreValidated() {
        ApiClient clerk = server.clerk();
        for (String body : List.of("{}", "{\"openingFloatCents\":-1}", "{\"openingFloatCents\":100000001}",
                "{\"openingFloatCents\":\"100\"}", "{\"openingFloatCents\":1.5}", "{\"openingFloatCents\":null}")) {
            ApiResponse answer = clerk.raw("POST", "/api/shifts", body.getBytes(), "Content-Type", "application/json");
            assertEquals(400, answer.status(), body + ": " + answer);
            assertEquals("VALIDATION_FAILED", answer.error(), body);
        }
        assertEquals(0, server.number("SELECT count(*) FROM shifts WHERE staff_id = ?::uuid", clerk.userId()));
        assertEquals(201, clerk.post("/api/shifts", Map.of("openingFloatCents", 100_000_000)).status(),
                "the largest float is allowed");
        String shiftId = clerk.get("/api/shifts/current").body().get("id").asText();
        for (String body : List.of("{}", "{\"countedCashCents\":-5}", "{\"countedCashCents\":\"5\"}")) {
            ApiResponse answer = clerk.raw("POST", "/api/shifts/" + shiftId + "/close", body.getBytes(),
                    "Content-Type", "application/json");
            assertEquals(400, answer.status(), body + ": " + answer);
        }
        assertEquals(1, server.number("SELECT count(*) FROM shifts WHERE id = ?::uuid AND closed_at IS NULL", shiftId));
    }

    @Test
    void onlyStaffMayTouchShifts() {
        String shiftPath = "/api/shifts/" + openShift(server.clerk(), 0);
        ApiClient fan = server.fan();
        ApiClient anonymous = server.anonymous();
        List<ApiResponse> fanAnswers = List.of(fan.post("/api/shifts", Map.of("openingFloatCents", 0)),
                fan.get("/api/shifts/current"), fan.get(shiftPath),
                fan.post(shiftPath + "/close", Map.of("countedCashCents", 0)));
        List<ApiResponse> anonymousAnswers = List.of(anonymous.post("/api/shifts", Map.of("openingFloatCents", 0)),
                anonymous.get("/api/shifts/current"), anonymous.get(shiftPath),
                anonymous.post(shiftPath + "/close", Map.of("countedCashCents", 0)));

        fanAnswers.forEach(answer -> assertEquals("403 FORBIDDEN", answer.status() + " " + answer.error()));
        anonymousAnswers.forEach(answer -> assertEquals("401 UNAUTHORIZED", answer.status() + " " + answer.error()));
        assertEquals(0, server.number("SELECT count(*) FROM shifts WHERE staff_id = ?::uuid", fan.userId()));
    }

    private static void assertFigures(JsonNode shift, long openingFloat, long cashSales, long cashRefunds,
                                      long cardSales, long expectedCash, int ticketsSold, int ticketsRefunded) {
        assertEquals(openingFloat, shift.get("openingFloatCents").asLong(), shift::toString);
        assertEquals(cashSales, shift.get("cashSalesCents").asLong(), "cash sales " + shift);
        assertEquals(cashRefunds, shift.get("cashRefundsCents").asLong(), "cash refunds " + shift);
        assertEquals(cardSales, shift.get("cardSalesCents").asLong(), "card sales " + shift);
        assertEquals(expectedCash, shift.get("expectedCashCents").asLong(), "expected cash " + shift);
        assertEquals(ticketsSold, shift.get("ticketsSold").asInt(), "tickets sold " + shift);
        assertEquals(ticketsRefunded, shift.get("ticketsRefunded").asInt(), "tickets refunded " + shift);
    }

    /** The shift's figures summed straight from the ledger: cash sales, card sales, cash refunds, tickets. */
    private static List<Long> sqlFigures(String shiftId) {
        return List.of(
                server.number("SELECT coalesce(sum(total_cents), 0) FROM orders WHERE shift_id = ?::uuid "
                        + "AND payment_method = 'CASH'", shiftId),
                server.number("SELECT coalesce(sum(total_cents), 0) FROM orders WHERE shift_id = ?::uuid "
                        + "AND payment_method = 'CARD'", shiftId),
                server.number("SELECT coalesce(sum(amount_cents), 0) FROM refunds WHERE shift_id = ?::uuid "
                        + "AND payment_method = 'CASH'", shiftId),
                server.number("SELECT count(*) FROM tickets t JOIN orders o ON o.id = t.order_id "
                        + "WHERE o.shift_id = ?::uuid", shiftId),
                server.number("SELECT coalesce(sum(tickets), 0) FROM refunds WHERE shift_id = ?::uuid", shiftId));
    }

    private static String openShift(ApiClient staff, long openingFloatCents) {
        ApiResponse opened = staff.post("/api/shifts", Map.of("openingFloatCents", openingFloatCents));
        assertEquals(201, opened.status(), opened::toString);
        assertEquals(openingFloatCents, opened.body().get("openingFloatCents").asLong());
        assertNotNull(opened.body().get("openedAt"));
        return opened.body().get("id").asText();
    }

    private static Map<String, Object> cash(long tenderedCents) {
        return Map.of("method", "CASH", "tenderedCents", tenderedCents);
    }

    private static Map<String, Object> saleBody(Shows.Show show, int tier, int quantity, Map<String, Object> payment) {
        return Map.of("showId", show.id(), "items", List.of(Map.of("tierId", show.tier(tier), "quantity", quantity)),
                "payment", payment);
    }

    private static JsonNode sell(ApiClient staff, Shows.Show show, int tier, int quantity, Map<String, Object> payment) {
        ApiResponse sale = staff.postOnce("/api/sales", saleBody(show, tier, quantity, payment));
        assertEquals(201, sale.status(), sale::toString);
        return sale.body();
    }

    private static String hold(ApiClient buyer, Shows.Show show, int tier, int quantity) {
        ApiResponse hold = buyer.postOnce("/api/holds", Map.of("showId", show.id(),
                "items", List.of(Map.of("tierId", show.tier(tier), "quantity", quantity))));
        assertEquals(201, hold.status(), hold::toString);
        return hold.body().get("id").asText();
    }

    private static void refund(ApiClient staff, String orderId, List<String> ticketIds) {
        ApiResponse refund = staff.postOnce("/api/orders/" + orderId + "/refund",
                ticketIds == null ? Map.of() : Map.of("ticketIds", ticketIds));
        assertEquals(200, refund.status(), refund::toString);
    }
}
