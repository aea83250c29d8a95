package dev.marquee.server.booking.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.marquee.server.testing.ApiClient;
import dev.marquee.server.testing.ApiResponse;
import dev.marquee.server.testing.Invariants;
import dev.marquee.server.testing.Race;
import dev.marquee.server.testing.Shows.Tier;
import dev.marquee.server.testing.Shows;
import dev.marquee.server.testing.TestServer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Exchanges at the counter: one transaction, all or nothing, the difference charged or paid back, raced. */
class ExchangeTest {

    private static final Map<String, Object> CARD = Map.of("method", "CARD", "cardNumber", "4242424242424242");
    private static final Map<String, Object> DECLINED = Map.of("method", "CARD", "cardNumber", "4000000000000002");

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
    void dearerTicketsOfAnotherShowChargeTheDifferenceAndTheOldCodesNoLongerScan() {
        Shows.Show from = shows.ga(Tier.ga("Floor", 1_000, 10));
        Shows.Show to = shows.ga(Tier.ga("Floor", 2_500, 10));
        ApiClient clerk = server.clerk();
        JsonNode order = sell(clerk, from, 2);

        ApiResponse exchanged = exchange(clerk, order, ticketIds(order), Map.of("showId", to.id(),
                "items", List.of(Map.of("tierId", to.tier(0), "quantity", 2)), "payment", CARD));

        assertEquals(201, exchanged.status(), exchanged::toString);
        assertEquals(order.get("id").asText(), exchanged.body().get("exchangedFromOrderId").asText());
        assertEquals(3_000, exchanged.body().get("totalCents").asLong(), "5,000 of tickets less 2,000 of credit");
        assertEquals(0, exchanged.body().get("refundedCents").asLong());
        assertEquals("CARD", exchanged.body().get("paymentMethod").asText(), "the difference was charged by card");
        assertEquals(2, exchanged.body().get("tickets").size());
        JsonNode old = clerk.get("/api/orders/" + order.get("id").asText()).body();
        old.get("tickets").forEach(ticket -> assertEquals("EXCHANGED", ticket.get("status").asText()));
        assertEquals(0, server.number("SELECT sold FROM tiers WHERE id = ?", from.tier(0)));
        assertEquals(2, server.number("SELECT sold FROM tiers WHERE id = ?", to.tier(0)));
        ApiResponse scan = clerk.post("/api/checkin", Map.of("code", old.at("/tickets/0/code").asText()));
        assertEquals(404, scan.status(), "an exchanged ticket no longer scans: " + scan);
        assertEquals(200, clerk.post("/api/checkin",
                Map.of("code", exchanged.body().at("/tickets/0/code").asText())).status());
        Invariants.check(server, from.id());
        Invariants.check(server, to.id());
    }

    @Test
    void aFansOnlineOrderExchangedAtTheCounterStaysTheFansToSeeAndPrint() {
        Shows.Show from = shows.ga(Tier.ga("Floor", 2_000, 10));
        Shows.Show to = shows.ga(Tier.ga("Floor", 2_000, 10));
        ApiClient fan = server.fan();
        ApiResponse hold = fan.postOnce("/api/holds", Map.of("showId", from.id(),
                "items", List.of(Map.of("tierId", from.tier(0), "quantity", 1))));
        assertEquals(201, hold.status(), hold::toString);
        ApiResponse bought = fan.postOnce("/api/holds/" + hold.body().get("id").asText() + "/checkout",
                Map.of("payment", CARD));
        assertEquals(201, bought.status(), bought::toString);

        ApiResponse exchanged = exchange(server.clerk(), bought.body(), ticketIds(bought.body()),
                Map.of("showId", to.id(), "items", List.of(Map.of("tierId", to.tier(0), "quantity", 1))));

        assertEquals(201, exchanged.status(), exchanged::toString);
        String newOrder = exchanged.body().get("id").asText();
        assertEquals(200, fan.get("/api/orders/" + newOrder).status(), "the fan still sees their tickets");
        assertTrue(fan.get("/api/me/orders").body().findValuesAsText("id").contains(newOrder));
        assertEquals(200, fan.download("/api/orders/" + newOrder + "/tickets.pdf").status(), "and prints them");
    }

    @Test
    void cheaperTicketsPayTheDifferenceBackThroughTheDrawer() {
        Shows.Show show = shows.ga(Tier.ga("Front", 4_000, 10), Tier.ga("Back", 1_500, 10));
        ApiClient clerk = server.clerk();
        assertEquals(201, clerk.post("/api/shifts", Map.of("openingFloatCents", 10_000)).status());
        ApiResponse sale = clerk.postOnce("/api/sales", Map.of("showId", show.id(),
                "items", List.of(Map.of("tierId", show.tier(0), "quantity", 1)),
                "payment", Map.of("method", "CASH", "tenderedCents", 4_000)));
        assertEquals(201, sale.status(), sale::toString);
        assertEquals("CASH", sale.body().get("paymentMethod").asText());

        ApiResponse exchanged = exchange(clerk, sale.body(), ticketIds(sale.body()), Map.of("showId", show.id(),
                "items", List.of(Map.of("tierId", show.tier(1), "quantity", 1))));

        assertEquals(201, exchanged.status(), exchanged::toString);
        assertEquals(0, exchanged.body().get("totalCents").asLong());
        assertEquals("CASH", exchanged.body().get("paymentMethod").asText(), "paid back where the sale was paid");
        assertEquals(2_500, exchanged.body().get("refundedCents").asLong());
        JsonNode shift = clerk.get("/api/shifts/current").body();
        assertEquals(2_500, shift.get("cashRefundsCents").asLong(), shift::toString);
        assertEquals(10_000 + 4_000 - 2_500, shift.get("expectedCashCents").asLong(), shift::toString);
        Invariants.check(server, show.id());
    }

    @Test
    void aSeatForAnotherSeatOfTheSameShow() {
        Shows.Show show = shows.seated(2, 4, Tier.rows("Stalls", 3_000, 1, 2));
        ApiClient clerk = server.clerk();
        long seatA = shows.row(show, 1).get(0);
        long seatB = shows.row(show, 2).get(3);
        JsonNode order = sellSeats(clerk, show, List.of(seatA));

        ApiResponse exchanged = exchange(clerk, order, ticketIds(order),
                Map.of("showId", show.id(), "seatIds", List.of(seatB)));

        assertEquals(201, exchanged.status(), exchanged::toString);
        assertEquals(0, exchanged.body().get("totalCents").asLong());
        JsonNode seats = server.anonymous().get("/api/shows/" + show.id() + "/availability").body().get("seats");
        seats.forEach(seat -> {
            long id = seat.get("seatId").asLong();
            if (id == seatA) {
                assertEquals("AVAILABLE", seat.get("status").asText());
            } else if (id == seatB) {
                assertEquals("SOLD", seat.get("status").asText());
            }
        });
        Invariants.check(server, show.id());
    }

    @Test
    void twoExchangesRacingForOneSeatSellItOnce() {
        Shows.Show show = shows.seated(2, 4, Tier.rows("Stalls", 3_000, 1, 2));
        ApiClient clerk = server.clerk();
        long wanted = shows.row(show, 2).get(0);
        List<JsonNode> orders = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            orders.add(sellSeats(clerk, show, List.of(shows.row(show, 1).get(i))));
        }

        List<ApiResponse> results = Race.run(2, i -> exchange(server.clerk(), orders.get(i),
                ticketIds(orders.get(i)), Map.of("showId", show.id(), "seatIds", List.of(wanted))));

        assertEquals(1, results.stream().filter(r -> r.status() == 201).count(), Race.statuses(results));
        ApiResponse lost = results.stream().filter(r -> r.status() != 201).findFirst().orElseThrow();
        assertEquals(409, lost.status(), lost::toString);
        assertEquals("SEAT_UNAVAILABLE", lost.error());
        assertEquals(1, server.number("""
                SELECT count(*) FROM tickets WHERE show_id = ? AND status = 'EXCHANGED'""", show.id()),
                "the loser's ticket is untouched");
        Invariants.check(server, show.id());
    }

    @Test
    void refusalsChangeNothing() {
        Shows.Show from = shows.ga(Tier.ga("Floor", 1_000, 10));
        Shows.Show to = shows.ga(Tier.ga("Floor", 2_000, 1));
        ApiClient clerk = server.clerk();
        JsonNode order = sell(clerk, from, 3);
        List<String> ids = ticketIds(order);
        assertEquals(200, clerk.postOnce("/api/orders/" + order.get("id").asText() + "/refund",
                Map.of("ticketIds", List.of(ids.get(0)))).status());
        assertEquals(200, clerk.post("/api/checkin", Map.of("code", order.at("/tickets/1/code").asText()))
                .status());
        Map<String, Object> toOne = Map.of("showId", to.id(),
                "items", List.of(Map.of("tierId", to.tier(0), "quantity", 1)), "payment", CARD);

        assertEquals(400, exchange(clerk, order, List.of(ids.get(0)), toOne).status(), "a refunded ticket");
        assertEquals(400, exchange(clerk, order, List.of(ids.get(1)), toOne).status(), "a checked-in ticket");
        ApiResponse declined = exchange(clerk, order, List.of(ids.get(2)), Map.of("showId", to.id(),
                "items", List.of(Map.of("tierId", to.tier(0), "quantity", 1)), "payment", DECLINED));
        assertEquals(402, declined.status(), declined::toString);
        ApiResponse unpaid = exchange(clerk, order, List.of(ids.get(2)), Map.of("showId", to.id(),
                "items", List.of(Map.of("tierId", to.tier(0), "quantity", 1))));
        assertEquals(400, unpaid.status(), unpaid::toString);
        assertEquals("payment", unpaid.body().at("/details/field").asText());
        ApiResponse tooMany = exchange(clerk, order, List.of(ids.get(2)), Map.of("showId", to.id(),
                "items", List.of(Map.of("tierId", to.tier(0), "quantity", 2)), "payment", CARD));
        assertEquals(409, tooMany.status(), tooMany::toString);
        assertEquals("INSUFFICIENT_INVENTORY", tooMany.error());
        assertEquals(404, exchange(clerk, order, List.of(UUID.randomUUID().toString()), toOne).status());
        assertEquals(404, clerk.postOnce("/api/orders/" + UUID.randomUUID() + "/exchange",
                Map.of("ticketIds", List.of(ids.get(2)), "showId", to.id(),
                        "items", List.of(Map.of("tierId", to.tier(0), "quantity", 1)))).status());
        assertEquals(403, exchange(server.fan(), order, List.of(ids.get(2)), toOne).status());
        assertEquals(400, exchange(clerk, order, List.of(), toOne).status(), "no tickets named");

        assertEquals("VALID", clerk.get("/api/orders/" + order.get("id").asText()).body()
                .at("/tickets/2/status").asText());
        assertEquals(2, server.number("SELECT sold FROM tiers WHERE id = ?", from.tier(0)));
        assertEquals(0, server.number("SELECT sold FROM tiers WHERE id = ?", to.tier(0)));
        Invariants.check(server, from.id());
        Invariants.check(server, to.id());
    }

    private static JsonNode sell(ApiClient clerk, Shows.Show show, int quantity) {
        ApiResponse sale = clerk.postOnce("/api/sales", Map.of("showId", show.id(),
                "items", List.of(Map.of("tierId", show.tier(0), "quantity", quantity)), "payment", CARD));
        assertEquals(201, sale.status(), sale::toString);
        return sale.body();
    }

    private static JsonNode sellSeats(ApiClient clerk, Shows.Show show, List<Long> seatIds) {
        ApiResponse sale = clerk.postOnce("/api/sales", Map.of("showId", show.id(), "seatIds", seatIds,
                "payment", CARD));
        assertEquals(201, sale.status(), sale::toString);
        return sale.body();
    }

    private static List<String> ticketIds(JsonNode order) {
        List<String> ids = new ArrayList<>();
        order.get("tickets").forEach(ticket -> ids.add(ticket.get("id").asText()));
        return ids;
    }

    private static ApiResponse exchange(ApiClient clerk, JsonNode order, List<String> ticketIds,
                                        Map<String, Object> into) {
        Map<String, Object> body = new HashMap<>(into);
        body.put("ticketIds", ticketIds);
        return clerk.postOnce("/api/orders/" + order.get("id").asText() + "/exchange", body);
    }
}
