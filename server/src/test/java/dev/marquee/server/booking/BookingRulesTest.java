package dev.marquee.server.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.marquee.server.testing.ApiClient;
import dev.marquee.server.testing.ApiResponse;
import dev.marquee.server.testing.Invariants;
import dev.marquee.server.testing.Shows.Tier;
import dev.marquee.server.testing.Shows;
import dev.marquee.server.testing.TestServer;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The booking contract one rule at a time: what succeeds, and each error code a booking can answer. */
class BookingRulesTest {

    private static final Map<String, Object> CARD = Map.of("method", "CARD", "cardNumber", "4242 4242 4242 4242");
    private static final Map<String, Object> DECLINED = Map.of("method", "CARD", "cardNumber", "4000000000000002");

    private static TestServer server;
    private static Shows shows;
    private static ApiClient clerk;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        shows = new Shows(server);
        clerk = server.clerk();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void fanHoldsAndChecksOutAtTheHoldPriceEvenAfterAPriceChange() {
        Shows.Show show = shows.ga(Tier.ga("VIP", 10000, 50), Tier.ga("GA", 1000, 100));
        ApiClient fan = server.fan();
        ApiResponse hold = fan.postOnce("/api/holds", Map.of("showId", show.id(), "items", List.of(
                Map.of("tierId", show.tier(0), "quantity", 2), Map.of("tierId", show.tier(1), "quantity", 3))));
        assertEquals(201, hold.status(), hold::toString);
        assertEquals("ACTIVE", hold.body().get("status").asText());
        assertEquals(23000, hold.body().get("totalCents").asLong());
        server.update("UPDATE tiers SET price_cents = 99999 WHERE id = ?", show.tier(0));

        ApiResponse order = fan.postOnce("/api/holds/" + hold.body().get("id").asText() + "/checkout",
                Map.of("payment", CARD, "customerName", "Robert'); DROP TABLE orders;-- <b>é</b>"));

        assertEquals(201, order.status(), order::toString);
        assertEquals("ONLINE", order.body().get("channel").asText());
        assertEquals("PAID", order.body().get("status").asText());
        assertEquals(23000, order.body().get("totalCents").asLong());
        assertEquals("Robert'); DROP TABLE orders;-- <b>é</b>", order.body().get("customerName").asText());
        assertEquals(5, order.body().get("tickets").size());
        Set<String> codes = new HashSet<>();
        order.body().get("tickets").forEach(t -> codes.add(t.get("code").asText()));
        assertEquals(5, codes.size());
        assertTrue(codes.stream().allMatch(code -> code.matches("[A-Z2-7]{26}")), codes::toString);
        assertEquals("CHECKED_OUT", fan.get("/api/holds/" + hold.body().get("id").asText()).body().get("status").asText());
        assertEquals(order.body(), fan.get("/api/orders/" + order.body().get("id").asText()).body());
        assertEquals(order.body().get("id"), fan.get("/api/me/orders").body().get(0).get("id"));
        Invariants.check(server, show.id());
    }

    @Test
    void chosenSeatsAndBestAvailableOnASeatedShow() {
        Shows.Show show = shows.seated(3, 10, Tier.rows("Front", 8000, 1, 1), Tier.rows("Rest", 4000, 2, 3));
        List<Long> front = shows.row(show, 1);
        ApiClient fan = server.fan();

        ApiResponse chosen = fan.postOnce("/api/holds", Map.of("showId", show.id(), "seatIds", front.subList(0, 2)));
        ApiResponse best = fan.postOnce("/api/holds",
                Map.of("showId", show.id(), "items", List.of(Map.of("tierId", show.tier(1), "quantity", 4))));

        assertEquals(201, chosen.status(), chosen::toString);
        assertEquals(16000, chosen.body().get("totalCents").asLong());
        assertEquals("Stalls Row 1 Seat 1", chosen.body().at("/seats/0/label").asText());
        assertEquals(201, best.status(), best::toString);
        List<String> labels = best.body().get("seats").findValuesAsText("label");
        List<String> left = List.of("Stalls Row 2 Seat 3", "Stalls Row 2 Seat 4", "Stalls Row 2 Seat 5",
                "Stalls Row 2 Seat 6");
        List<String> right = List.of("Stalls Row 2 Seat 4", "Stalls Row 2 Seat 5", "Stalls Row 2 Seat 6",
                "Stalls Row 2 Seat 7");
        assertTrue(List.of(left, right).contains(labels),
                "four together in the nearest row of the tier, within a seat of the centre: " + labels);
        JsonNode availability = server.anonymous().get("/api/shows/" + show.id() + "/availability").body();
        assertEquals(6, availability.at("/tiers/1/held").asInt() + availability.at("/tiers/0/held").asInt());
        Invariants.check(server, show.id());
    }

    @Test
    void boxOfficeCashSaleGivesChangeInOneRequest() {
        Shows.Show show = shows.ga(Tier.ga("GA", 1250, 10));
        ApiClient cashier = server.clerk();
        assertEquals(201, cashier.post("/api/shifts", Map.of("openingFloatCents", 0)).status());

        ApiResponse sale = cashier.postOnce("/api/sales", Map.of("showId", show.id(),
                "items", List.of(Map.of("tierId", show.tier(0), "quantity", 2)),
                "payment", Map.of("method", "CASH", "tenderedCents", 3000), "customerName", "Walk-in"));

        assertEquals(201, sale.status(), sale::toString);
        assertEquals("BOX_OFFICE", sale.body().get("channel").asText());
        assertEquals(2500, sale.body().get("totalCents").asLong());
        assertEquals(500, sale.body().get("changeDueCents").asLong());
        assertEquals(0, server.number("SELECT count(*) FROM holds WHERE show_id = ?", show.id()));
        assertEquals(1, server.number("SELECT count(*) FROM audit_log WHERE action = 'SALE' AND show_id = ?", show.id()));
        Invariants.check(server, show.id());
    }

    @Test
    void cashWithoutAnOpenDrawerCanBeRetriedWithTheSameKeyOnceTheDrawerIsOpen() {
        Shows.Show show = shows.ga(Tier.ga("GA", 1000, 10));
        ApiClient cashier = server.clerk();
        Map<String, Object> body = Map.of("showId", show.id(),
                "items", List.of(Map.of("tierId", show.tier(0), "quantity", 1)),
                "payment", Map.of("method", "CASH", "tenderedCents", 1000));

        ApiResponse refused = cashier.postOnce("/api/sales", "cash-1", body);
        assertEquals(409, refused.status());
        assertEquals("SHIFT_CONFLICT", refused.error());
        assertEquals(201, cashier.post("/api/shifts", Map.of("openingFloatCents", 5000)).status());
        ApiResponse sold = cashier.postOnce("/api/sales", "cash-1", body);

        assertEquals(201, sold.status(), sold::toString);
        assertNull(sold.header("Idempotent-Replayed"));
        assertEquals(0, sold.body().get("changeDueCents").asLong());
    }

    @Test
    void partialThenFullRefundReturnsStock() {
        Shows.Show show = shows.seated(1, 10, Tier.rows("Stalls", 3000, 1, 1));
        ApiResponse sale = clerk.postOnce("/api/sales", Map.of("showId", show.id(),
                "seatIds", shows.row(show, 1).subList(0, 3), "payment", CARD));
        String orderId = sale.body().get("id").asText();
        String firstTicket = sale.body().at("/tickets/0/id").asText();

        ApiResponse partial = clerk.postOnce("/api/orders/" + orderId + "/refund", Map.of("ticketIds", List.of(firstTicket)));
        assertEquals(200, partial.status(), partial::toString);
        assertEquals("PARTIALLY_REFUNDED", partial.body().get("status").asText());
        assertEquals("REFUNDED", partial.body().at("/tickets/0/status").asText());
        assertEquals(1, server.number("SELECT count(*) FROM show_seats WHERE show_id = ? AND status = 'AVAILABLE' "
                + "AND seat_id = ?", show.id(), shows.row(show, 1).getFirst()));

        ApiResponse rest = clerk.raw("POST", "/api/orders/" + orderId + "/refund", null, "Idempotency-Key", "rest");
        assertEquals(200, rest.status(), rest::toString);
        assertEquals("REFUNDED", rest.body().get("status").asText());
        assertEquals(0, server.number("SELECT sold FROM tiers WHERE id = ?", show.tier(0)));
        ApiResponse again = clerk.postOnce("/api/orders/" + orderId + "/refund", Map.of("ticketIds", List.of(firstTicket)));
        assertEquals(400, again.status(), again::toString);
        Invariants.check(server, show.id());
    }

    @Test
    void insufficientInventorySaysWhichTierAndHowManyAreLeft() {
        Shows.Show show = shows.ga(Tier.ga("VIP", 10000, 3), Tier.ga("GA", 1000, 100));
        ApiResponse answer = server.fan().postOnce("/api/holds", Map.of("showId", show.id(), "items", List.of(
                Map.of("tierId", show.tier(1), "quantity", 2), Map.of("tierId", show.tier(0), "quantity", 4))));

        assertEquals(409, answer.status());
        assertEquals("INSUFFICIENT_INVENTORY", answer.error());
        assertEquals(show.tier(0), answer.body().at("/details/tierId").asLong());
        assertEquals(4, answer.body().at("/details/requested").asInt());
        assertEquals(3, answer.body().at("/details/available").asInt());
        assertEquals(0, server.number("SELECT sum(held) FROM tiers WHERE show_id = ?", show.id()), "all or nothing");
    }

    @Test
    void seatUnavailableNamesTheTakenSeatsAndHoldsNothing() {
        Shows.Show show = shows.seated(1, 10, Tier.rows("Stalls", 3000, 1, 1));
        List<Long> row = shows.row(show, 1);
        server.fan().postOnce("/api/holds", Map.of("showId", show.id(), "seatIds", List.of(row.get(3))));

        ApiResponse answer = server.fan().postOnce("/api/holds", Map.of("showId", show.id(),
                "seatIds", List.of(row.get(2), row.get(3))));

        assertEquals(409, answer.status());
        assertEquals("SEAT_UNAVAILABLE", answer.error());
        assertEquals(List.of(row.get(3)), ApiClient.MAPPER.convertValue(answer.body().at("/details/seatIds"),
                ApiClient.MAPPER.getTypeFactory().constructCollectionType(List.class, Long.class)));
        assertEquals(1, server.number("SELECT held FROM tiers WHERE id = ?", show.tier(0)));
    }

    @Test
    void showNotOnSaleRefusesHoldsAndSales() {
        Shows.Show show = shows.ga(Tier.ga("GA", 1000, 10));
        shows.offSale(show);
        ApiResponse hold = server.fan().postOnce("/api/holds",
                Map.of("showId", show.id(), "items", List.of(Map.of("tierId", show.tier(0), "quantity", 1))));
        ApiResponse sale = clerk.postOnce("/api/sales", Map.of("showId", show.id(),
                "items", List.of(Map.of("tierId", show.tier(0), "quantity", 1)), "payment", CARD));
        assertEquals("NOT_ON_SALE", hold.error());
        assertEquals("NOT_ON_SALE", sale.error());
        assertEquals(409, sale.status());
    }

    @Test
    void declinedCardKeepsTheHoldActiveAndAnotherCardThenWorks() {
        Shows.Show show = shows.ga(Tier.ga("GA", 1000, 10));
        ApiClient fan = server.fan();
        String holdId = hold(fan, show, 2);

        ApiResponse declined = fan.postOnce("/api/holds/" + holdId + "/checkout", Map.of("payment", DECLINED));
        assertEquals(402, declined.status());
        assertEquals("PAYMENT_DECLINED", declined.error());
        assertEquals("ACTIVE", fan.get("/api/holds/" + holdId).body().get("status").asText());
        assertEquals(2, server.number("SELECT held FROM tiers WHERE id = ?", show.tier(0)));

        assertEquals(201, fan.postOnce("/api/holds/" + holdId + "/checkout", Map.of("payment", CARD)).status());
        Invariants.check(server, show.id());
    }

    @Test
    void holdNotActiveAfterReleaseOrCheckout() {
        Shows.Show show = shows.ga(Tier.ga("GA", 1000, 10));
        ApiClient fan = server.fan();
        String released = hold(fan, show, 1);
        assertEquals(204, fan.delete("/api/holds/" + released).status());
        assertEquals(204, fan.delete("/api/holds/" + released).status(), "releasing twice changes nothing");
        assertEquals(0, server.number("SELECT held FROM tiers WHERE id = ?", show.tier(0)));
        ApiResponse afterRelease = fan.postOnce("/api/holds/" + released + "/checkout", Map.of("payment", CARD));
        assertEquals(409, afterRelease.status());
        assertEquals("HOLD_NOT_ACTIVE", afterRelease.error());

        String sold = hold(fan, show, 1);
        assertEquals(201, fan.postOnce("/api/holds/" + sold + "/checkout", Map.of("payment", CARD)).status());
        assertEquals("HOLD_NOT_ACTIVE", fan.postOnce("/api/holds/" + sold + "/checkout", Map.of("payment", CARD)).error());
        assertEquals("HOLD_NOT_ACTIVE", fan.delete("/api/holds/" + sold).error());
        Invariants.check(server, show.id());
    }

    @Test
    void aFanSeesOnlyTheirOwnHoldsAndOrders() {
        Shows.Show show = shows.ga(Tier.ga("GA", 1000, 10));
        ApiClient owner = server.fan();
        ApiClient other = server.fan();
        String holdId = hold(owner, show, 1);
        String orderId = owner.postOnce("/api/holds/" + holdId + "/checkout", Map.of("payment", CARD))
                .body().get("id").asText();

        assertEquals("NOT_FOUND", other.get("/api/holds/" + holdId).error());
        assertEquals("NOT_FOUND", other.get("/api/orders/" + orderId).error());
        assertEquals("NOT_FOUND", other.delete("/api/holds/" + hold(owner, show, 1)).error());
        assertEquals(0, other.get("/api/me/orders").body().size());
        assertEquals(200, clerk.get("/api/orders/" + orderId).status(), "staff see every order");
        assertEquals(404, owner.get("/api/orders/" + java.util.UUID.randomUUID()).status());
        assertEquals(404, owner.get("/api/orders/not-a-uuid").status());
    }

    @Test
    void fansMayNotSellRefundOrPayCash() {
        Shows.Show show = shows.ga(Tier.ga("GA", 1000, 10));
        ApiClient fan = server.fan();
        ApiResponse sale = fan.postOnce("/api/sales", Map.of("showId", show.id(),
                "items", List.of(Map.of("tierId", show.tier(0), "quantity", 1)), "payment", CARD));
        ApiResponse cash = fan.postOnce("/api/holds/" + hold(fan, show, 1) + "/checkout",
                Map.of("payment", Map.of("method", "CASH", "tenderedCents", 5000)));
        ApiResponse refund = fan.postOnce("/api/orders/" + java.util.UUID.randomUUID() + "/refund", Map.of());
        assertEquals(403, sale.status());
        assertEquals("FORBIDDEN", sale.error());
        assertEquals("FORBIDDEN", cash.error());
        assertEquals("FORBIDDEN", refund.error());
        assertEquals(401, server.anonymous().postOnce("/api/holds", Map.of()).status());
        assertEquals(0, server.number("SELECT sold FROM tiers WHERE id = ?", show.tier(0)));
    }

    @Test
    void sameKeyReplaysTheFirstAnswerAndADifferentBodyIsRefused() {
        Shows.Show show = shows.ga(Tier.ga("GA", 1000, 10));
        Map<String, Object> body = Map.of("showId", show.id(),
                "items", List.of(Map.of("tierId", show.tier(0), "quantity", 1)), "payment", CARD);

        ApiResponse first = clerk.postOnce("/api/sales", "sale-1", body);
        ApiResponse replay = clerk.postOnce("/api/sales", "sale-1", body);
        ApiResponse reused = clerk.postOnce("/api/sales", "sale-1", Map.of("showId", show.id(),
                "items", List.of(Map.of("tierId", show.tier(0), "quantity", 2)), "payment", CARD));
        ApiResponse otherUser = server.clerk().postOnce("/api/sales", "sale-1", body);

        assertEquals(201, first.status());
        assertNull(first.header("Idempotent-Replayed"));
        assertEquals(201, replay.status());
        assertEquals("true", replay.header("Idempotent-Replayed"));
        assertEquals(first.body(), replay.body());
        assertEquals(422, reused.status());
        assertEquals("IDEMPOTENCY_KEY_REUSED", reused.error());
        assertEquals(201, otherUser.status(), "keys are scoped to the caller");
        assertNotEquals(first.body().get("id"), otherUser.body().get("id"));
        assertEquals(2, server.number("SELECT sold FROM tiers WHERE id = ?", show.tier(0)));
    }

    @Test
    void aStoredFailureIsReplayedToo() {
        Shows.Show show = shows.ga(Tier.ga("GA", 1000, 1));
        Map<String, Object> body = Map.of("showId", show.id(),
                "items", List.of(Map.of("tierId", show.tier(0), "quantity", 2)));
        ApiClient fan = server.fan();
        ApiResponse first = fan.postOnce("/api/holds", "too-many", body);
        server.update("UPDATE tiers SET capacity = 5 WHERE id = ?", show.tier(0));
        ApiResponse replay = fan.postOnce("/api/holds", "too-many", body);
        assertEquals("INSUFFICIENT_INVENTORY", first.error());
        assertEquals(409, replay.status());
        assertEquals("true", replay.header("Idempotent-Replayed"));
    }

    @Test
    void badInputAnswersTheRightErrorAndChangesNothing() {
        Shows.Show show = shows.ga(Tier.ga("GA", 1000, 10));
        long tier = show.tier(0);
        ApiClient fan = server.fan();
        String holdId = hold(fan, show, 1);
        long heldBefore = server.number("SELECT held FROM tiers WHERE id = ?", tier);
        record Case(String name, String path, String body, int status, String error) {
        }
        String json = "application/json";
        List<Case> cases = List.of(
                new Case("malformed JSON", "/api/holds", "{\"showId\": ", 400, "VALIDATION_FAILED"),
                new Case("array body", "/api/holds", "[1,2]", 400, "VALIDATION_FAILED"),
                new Case("showId as text", "/api/holds", "{\"showId\":\"1\",\"items\":[{\"tierId\":" + tier + ",\"quantity\":1}]}", 400, "VALIDATION_FAILED"),
                new Case("quantity as float", "/api/holds", "{\"showId\":" + show.id() + ",\"items\":[{\"tierId\":" + tier + ",\"quantity\":1.5}]}", 400, "VALIDATION_FAILED"),
                new Case("quantity zero", "/api/holds", "{\"showId\":" + show.id() + ",\"items\":[{\"tierId\":" + tier + ",\"quantity\":0}]}", 400, "VALIDATION_FAILED"),
                new Case("quantity eleven", "/api/holds", "{\"showId\":" + show.id() + ",\"items\":[{\"tierId\":" + tier + ",\"quantity\":11}]}", 400, "VALIDATION_FAILED"),
                new Case("huge quantity", "/api/holds", "{\"showId\":" + show.id() + ",\"items\":[{\"tierId\":" + tier + ",\"quantity\":99999999999999999999}]}", 400, "VALIDATION_FAILED"),
                new Case("negative quantity", "/api/holds", "{\"showId\":" + show.id() + ",\"items\":[{\"tierId\":" + tier + ",\"quantity\":-1}]}", 400, "VALIDATION_FAILED"),
                new Case("empty items", "/api/holds", "{\"showId\":" + show.id() + ",\"items\":[]}", 400, "VALIDATION_FAILED"),
                new Case("items and seats", "/api/holds", "{\"showId\":" + show.id() + ",\"items\":[{\"tierId\":" + tier + ",\"quantity\":1}],\"seatIds\":[1]}", 400, "VALIDATION_FAILED"),
                new Case("seats on GA", "/api/holds", "{\"showId\":" + show.id() + ",\"seatIds\":[1]}", 400, "VALIDATION_FAILED"),
                new Case("duplicate tier", "/api/holds", "{\"showId\":" + show.id() + ",\"items\":[{\"tierId\":" + tier + ",\"quantity\":1},{\"tierId\":" + tier + ",\"quantity\":1}]}", 400, "VALIDATION_FAILED"),
                new Case("null item", "/api/holds", "{\"showId\":" + show.id() + ",\"items\":[null]}", 400, "VALIDATION_FAILED"),
                new Case("missing showId", "/api/holds", "{\"items\":[{\"tierId\":" + tier + ",\"quantity\":1}]}", 400, "VALIDATION_FAILED"),
                new Case("unknown show", "/api/holds", "{\"showId\":987654,\"items\":[{\"tierId\":" + tier + ",\"quantity\":1}]}", 404, "NOT_FOUND"),
                new Case("tier of no such show", "/api/holds", "{\"showId\":" + show.id() + ",\"items\":[{\"tierId\":987654,\"quantity\":1}]}", 404, "NOT_FOUND"),
                new Case("no payment", "/api/holds/" + holdId + "/checkout", "{}", 400, "VALIDATION_FAILED"),
                new Case("unknown method", "/api/holds/" + holdId + "/checkout", "{\"payment\":{\"method\":\"BITCOIN\"}}", 400, "VALIDATION_FAILED"),
                new Case("bad card number", "/api/holds/" + holdId + "/checkout", "{\"payment\":{\"method\":\"CARD\",\"cardNumber\":\"4242424242424241\"}}", 400, "VALIDATION_FAILED"),
                new Case("card as number", "/api/holds/" + holdId + "/checkout", "{\"payment\":{\"method\":\"CARD\",\"cardNumber\":4242424242424242}}", 400, "VALIDATION_FAILED"),
                new Case("unknown hold", "/api/holds/" + java.util.UUID.randomUUID() + "/checkout", "{\"payment\":{\"method\":\"CARD\",\"cardNumber\":\"4242424242424242\"}}", 404, "NOT_FOUND"));
        for (Case c : cases) {
            ApiResponse answer = fan.raw("POST", c.path(), c.body().getBytes(), "Content-Type", json,
                    "Idempotency-Key", "bad-" + c.name());
            assertEquals(c.status(), answer.status(), c.name() + ": " + answer);
            assertEquals(c.error(), answer.error(), c.name());
            assertTrue(answer.body().get("message").asText().length() > 10, c.name());
            assertTrue(!answer.body().toString().matches(".*(Exception|\\bat [a-z]+\\.|SELECT |dev\\.marquee).*"),
                    c.name() + " leaks internals: " + answer.body());
        }
        ApiResponse noKey = fan.post("/api/holds", Map.of("showId", show.id(),
                "items", List.of(Map.of("tierId", tier, "quantity", 1))));
        assertEquals("VALIDATION_FAILED", noKey.error());
        ApiResponse longKey = fan.postOnce("/api/holds", "k".repeat(256), Map.of("showId", show.id(),
                "items", List.of(Map.of("tierId", tier, "quantity", 1))));
        assertEquals("VALIDATION_FAILED", longKey.error());
        ApiResponse xml = fan.raw("POST", "/api/holds", "<hold/>".getBytes(), "Content-Type", "application/xml",
                "Idempotency-Key", "xml");
        assertEquals(415, xml.status());
        ApiResponse huge = fan.raw("POST", "/api/holds", ("{\"x\":\"" + "a".repeat(70_000) + "\"}").getBytes(),
                "Content-Type", json, "Idempotency-Key", "huge");
        assertEquals(413, huge.status());
        assertEquals("PAYLOAD_TOO_LARGE", huge.error());
        assertEquals(heldBefore, server.number("SELECT held FROM tiers WHERE id = ?", tier));
        assertEquals(0, server.number("SELECT count(*) FROM orders WHERE show_id = ?", show.id()));
        assertEquals(1, server.number("SELECT count(*) FROM holds WHERE show_id = ?", show.id()));
    }

    private static String hold(ApiClient fan, Shows.Show show, int quantity) {
        ApiResponse hold = fan.postOnce("/api/holds",
                Map.of("showId", show.id(), "items", List.of(Map.of("tierId", show.tier(0), "quantity", quantity))));
        assertEquals(201, hold.status(), hold::toString);
        return hold.body().get("id").asText();
    }
}
