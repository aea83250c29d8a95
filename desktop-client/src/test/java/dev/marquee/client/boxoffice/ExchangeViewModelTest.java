package dev.marquee.client.boxoffice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marquee.client.common.Availabilities;
import dev.marquee.client.common.FakeServer;
import dev.marquee.client.common.Fixtures;
import dev.marquee.client.common.Tasks;
import dev.marquee.client.common.api.ServerApi;
import dev.marquee.model.Json;
import dev.marquee.model.auth.Role;
import dev.marquee.model.booking.PaymentMethod;
import dev.marquee.model.catalog.SeatStatus;
import java.net.http.HttpClient;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The exchange at the desk, from the order found to the new order, against the fake server. */
class ExchangeViewModelTest {

    private static final String ORDER_ID = "01a205bd-453f-7fff-ac23-7713061fd7c7";
    private static final String ORDER = "/api/orders/" + ORDER_ID;
    private static final String EXCHANGE = ORDER + "/exchange";
    private static final String SHIFT = "/api/shifts/current";
    /** Fixtures.CASH_ORDER (two Standing tickets, $25.00 each, paid in cash) under an id the desk can find. */
    private static final String FIRST_ORDER = Fixtures.CASH_ORDER.replace("ord-1", ORDER_ID);

    private final HttpClient http = ServerApi.newHttpClient();
    private final FakeServer server = FakeServer.start()
            .answer("GET", "/api/events", 200, Fixtures.EVENTS)
            .answer("GET", "/api/shows/21/availability", 200, Fixtures.gaAvailability(1, 3))
            .answer("GET", "/api/shows/11/availability", 200, Fixtures.seatedAvailability(1, "AVAILABLE"))
            .answer("GET", ORDER, 200, FIRST_ORDER)
            .answer("GET", SHIFT, 404, "{\"error\":\"NOT_FOUND\",\"message\":\"You have no open shift.\"}");
    private final ServerApi api = Fixtures.session(http, server.uri(), Role.CLERK).api();
    private final DeskViewModel desk = new DeskViewModel(api, Tasks.sameThread(), Fixtures.TIMES,
            new ShiftViewModel(api, Tasks.sameThread(), Fixtures.TIMES), Fixtures.countingKeys(),
            Fixtures.countingKeys());
    private final ExchangeViewModel exchange = desk.exchange();

    @AfterEach
    void stop() {
        server.close();
        http.close();
    }

    @Test
    void payingMoreShowsTheDifferenceFirstThenTheNewOrderTheOldOneReadAgainAndTheDrawer() throws Exception {
        exchangeTickets("t-1");
        assertTrue(exchange.openProperty().get());
        assertEquals("Giving back 1 ticket of Late Night Jazz: $25.00", exchange.givenBackProperty().get());
        assertEquals("Pick the new tickets to see the difference.", exchange.differenceProperty().get());

        quantity(0, "1");                                   // a Bar Table, $45.00
        assertEquals("To pay $20.00", exchange.differenceProperty().get());
        assertEquals("New tickets $45.00 less $25.00 given back", exchange.breakdownProperty().get());
        assertTrue(exchange.toPayProperty().get());
        exchange.payment().tenderedProperty().set("20");
        answerExchange(newOrder(2000, 0, 0, "{\"id\":\"n-1\",\"code\":\"NEWCODE1\",\"tierId\":7,"
                + "\"tierName\":\"Bar Table\",\"priceCents\":4500,\"status\":\"VALID\"}"));
        server.answer("GET", ORDER, 200, FIRST_ORDER.replaceFirst("\"VALID\"", "\"EXCHANGED\""));
        int drawerReads = server.requests("GET", SHIFT).size();
        exchange.exchange();

        List<FakeServer.Request> sent = server.requests("POST", EXCHANGE);
        assertEquals(1, sent.size());
        assertEquals("k-1", sent.getFirst().idempotencyKey());
        assertEquals(Json.newMapper().readTree("""
                {"ticketIds":["t-1"],"showId":21,"items":[{"tierId":7,"quantity":1}],
                 "payment":{"method":"CASH","tenderedCents":2000}}"""), Json.newMapper().readTree(sent.getFirst().body()));
        assertEquals("1 ticket in exchange: $20.00 paid", exchange.receiptProperty().get().summary());
        assertEquals(ORDER_ID, exchange.receiptProperty().get().exchangedFromOrderId());
        assertEquals("Change due $0.00", exchange.settledProperty().get());
        assertEquals(2, server.requests("GET", ORDER).size(), "the old order is read again");
        assertEquals(1, desk.refund().lines().size(), "its exchanged ticket is no longer offered");
        assertTrue(desk.refund().summaryProperty().get().endsWith(" · 1 exchanged"));
        assertEquals("Exchanged for 1 ticket of Late Night Jazz: order n-order.", desk.refund().messageProperty().get());
        assertEquals(drawerReads + 1, server.requests("GET", SHIFT).size(), "cash came in: the drawer is read");
    }

    @Test
    void payingMoreForSeatsOnTheMapSendsTheSeatsAndACardAndLeavesTheDrawer() throws Exception {
        exchangeTickets("t-1", "t-2");
        exchange.shows().select(Fixtures.entry(11));
        assertTrue(exchange.seatedProperty().get());

        exchange.pick().seatMap().toggle(exchange.pick().seatMap().seats().getFirst());   // Premium, $85.00
        assertEquals("To pay $35.00", exchange.differenceProperty().get());
        exchange.payment().methodProperty().set(PaymentMethod.CARD);
        answerExchange(newOrder(3500, null, 0, "{\"id\":\"n-1\",\"code\":\"NEWCODE1\",\"tierId\":1,"
                + "\"tierName\":\"Premium\",\"seatLabel\":\"Orchestra Row 1 Seat 1\",\"priceCents\":8500,"
                + "\"status\":\"VALID\"}").replace("\"showId\":21", "\"showId\":11"));
        int drawerReads = server.requests("GET", SHIFT).size();
        exchange.exchange();

        assertEquals(Json.newMapper().readTree("""
                {"ticketIds":["t-1","t-2"],"showId":11,"seatIds":[101],
                 "payment":{"method":"CARD","cardNumber":"4242424242424242"}}"""),
                Json.newMapper().readTree(server.requests("POST", EXCHANGE).getFirst().body()));
        assertEquals("Paid $35.00 by card", exchange.settledProperty().get());
        assertEquals(drawerReads, server.requests("GET", SHIFT).size(), "no cash moved");
    }

    @Test
    void newTicketsCheaperSayWhatToGiveBackBeforeAndAfterAndNeedNoPayment() throws Exception {
        exchangeTickets("t-1", "t-2");
        quantity(0, "1");                                   // a Bar Table, $45.00 for $50.00
        assertEquals("To give back $5.00 in cash", exchange.differenceProperty().get());
        assertFalse(exchange.toPayProperty().get());
        answerExchange(newOrder(0, null, 500, "{\"id\":\"n-1\",\"code\":\"NEWCODE1\",\"tierId\":7,"
                + "\"tierName\":\"Bar Table\",\"priceCents\":4500,\"status\":\"VALID\"}"));
        int drawerReads = server.requests("GET", SHIFT).size();
        exchange.exchange();

        assertFalse(Json.newMapper().readTree(server.requests("POST", EXCHANGE).getFirst().body()).has("payment"));
        assertEquals("Give back $5.00 in cash", exchange.settledProperty().get());
        assertEquals("1 ticket in exchange: $5.00 given back", exchange.receiptProperty().get().summary());
        assertEquals(drawerReads + 1, server.requests("GET", SHIFT).size(), "cash went out: the drawer is read");
    }

    @Test
    void anEvenExchangeSaysSoAndSendsNoPayment() throws Exception {
        exchangeTickets("t-2");
        quantity(1, "1");                                   // Standing for Standing
        assertEquals("Even: nothing to pay or give back", exchange.differenceProperty().get());
        exchange.payment().tenderedProperty().set("not money"); // not asked for, so not in the way
        answerExchange(newOrder(0, null, 0, "{\"id\":\"n-1\",\"code\":\"NEWCODE1\",\"tierId\":8,"
                + "\"tierName\":\"Standing\",\"priceCents\":2500,\"status\":\"VALID\"}"));
        exchange.exchange();

        assertEquals(Json.newMapper().readTree("""
                {"ticketIds":["t-2"],"showId":21,"items":[{"tierId":8,"quantity":1}]}"""),
                Json.newMapper().readTree(server.requests("POST", EXCHANGE).getFirst().body()));
        assertEquals("Even: nothing to pay or give back", exchange.settledProperty().get());
        assertEquals("1 ticket in exchange: even", exchange.receiptProperty().get().summary());
    }

    @Test
    void aRefusalChangesNothingOnScreenButTheMessage() {
        exchangeTickets("t-1");
        quantity(0, "1");
        exchange.payment().methodProperty().set(PaymentMethod.CARD);
        server.answer("POST", EXCHANGE, 402, """
                {"error":"PAYMENT_DECLINED","message":"The card was declined. Nothing was charged; please try another card."}""");
        int drawerReads = server.requests("GET", SHIFT).size();

        exchange.exchange();

        assertEquals("The card was declined. Nothing was charged; please try another card.",
                exchange.errorMessageProperty().get());
        assertEquals("To pay $20.00", exchange.differenceProperty().get());
        assertEquals("1", exchange.pick().basket().lines().getFirst().quantityTextProperty().get());
        assertEquals("Giving back 1 ticket of Late Night Jazz: $25.00", exchange.givenBackProperty().get());
        assertNull(exchange.receiptProperty().get());
        assertTrue(exchange.openProperty().get());
        assertFalse(exchange.outcomeUnknownProperty().get());
        assertEquals(1, server.requests("GET", ORDER).size(), "the old order is not read again");
        assertEquals(2, desk.refund().lines().size());
        assertEquals(drawerReads, server.requests("GET", SHIFT).size());
        exchange.exchange();
        assertEquals("k-2", server.requests("POST", EXCHANGE).getLast().idempotencyKey(), "a refusal ends the attempt");
    }

    @Test
    void aRetryAfterALostAnswerSendsTheSameExchangeUnderTheSameKey() {
        exchangeTickets("t-1");
        quantity(1, "1");
        answerExchange(newOrder(0, null, 0, "{\"id\":\"n-1\",\"code\":\"NEWCODE1\",\"tierId\":8,"
                + "\"tierName\":\"Standing\",\"priceCents\":2500,\"status\":\"VALID\"}"));
        server.loseNextAnswer("POST", EXCHANGE);

        exchange.exchange();

        assertTrue(exchange.outcomeUnknownProperty().get());
        assertTrue(exchange.errorMessageProperty().get().endsWith("(it cannot exchange twice)."));
        exchange.close();
        assertTrue(exchange.openProperty().get(), "an unsettled exchange keeps the screen");
        quantity(1, "2");                                   // the form is locked on screen; a retry ignores it
        exchange.exchange();

        List<FakeServer.Request> sent = server.requests("POST", EXCHANGE);
        assertEquals(2, sent.size());
        assertEquals(sent.get(0).idempotencyKey(), sent.get(1).idempotencyKey());
        assertEquals(sent.get(0).body(), sent.get(1).body());
        assertFalse(exchange.outcomeUnknownProperty().get());
        assertEquals("1 ticket in exchange: even", exchange.receiptProperty().get().summary());

        exchange.close();
        assertFalse(exchange.openProperty().get());
        exchangeTickets("t-2");
        quantity(1, "1");
        exchange.exchange();
        assertEquals("k-2", server.requests("POST", EXCHANGE).getLast().idempotencyKey(), "the next one, a new key");
    }

    @Test
    void theNewShowsSeatsFollowLivePushes() {
        exchangeTickets("t-1");
        exchange.shows().select(Fixtures.entry(11));

        desk.applyAvailability(Availabilities.read(Fixtures.seatedAvailability(2, "SOLD")));

        assertEquals(SeatStatus.SOLD, exchange.pick().seatMap().seats().getFirst().statusProperty().get());
    }

    @Test
    void nothingTickedSaysSoAndOpensNothing() {
        desk.refund().orderIdProperty().set(ORDER_ID);
        desk.refund().find();
        desk.refund().lines().forEach(line -> line.chosen().set(false));

        desk.startExchange();

        assertFalse(exchange.openProperty().get());
        assertEquals("Tick at least one ticket to exchange.", desk.refund().messageProperty().get());
    }

    /** Finds the order at the desk, ticks these of its tickets and opens their exchange. */
    private void exchangeTickets(String... ticketIds) {
        desk.refund().orderIdProperty().set(ORDER_ID);
        desk.refund().find();
        desk.refund().lines().forEach(line -> line.chosen().set(List.of(ticketIds).contains(line.ticket().id())));
        desk.startExchange();
    }

    private void quantity(int line, String typed) {
        exchange.pick().basket().lines().get(line).quantityTextProperty().set(typed);
    }

    private void answerExchange(String order) {
        server.answer("POST", EXCHANGE, 201, order);
    }

    /** The new order of show 21 an exchange answers, with what it charged, its change and what it gave back. */
    private static String newOrder(long chargedCents, Integer changeDueCents, long refundedCents, String tickets) {
        return """
                {"id":"n-order","showId":21,"eventTitle":"Late Night Jazz","startsAt":"2026-07-16T00:30:00Z",
                 "channel":"BOX_OFFICE","status":"PAID","customerName":"Cal Clerk","totalCents":%d,%s
                 "createdAt":"2026-07-15T16:10:00Z","exchangedFromOrderId":"%s","refundedCents":%d,
                 "tickets":[%s]}""".formatted(chargedCents,
                changeDueCents == null ? "" : "\"changeDueCents\":" + changeDueCents + ",", ORDER_ID, refundedCents,
                tickets);
    }
}
