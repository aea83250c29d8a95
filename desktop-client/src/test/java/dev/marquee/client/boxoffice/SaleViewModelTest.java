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
import dev.marquee.client.common.widgets.SeatCell;
import dev.marquee.client.common.widgets.ShowEntry;
import dev.marquee.model.Json;
import dev.marquee.model.auth.Role;
import dev.marquee.model.booking.PaymentMethod;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SaleViewModelTest {

    private static final String SALES = "/api/sales";

    private final HttpClient http = ServerApi.newHttpClient();
    private final FakeServer server = FakeServer.start()
            .answer("GET", "/api/shows/21/availability", 200, Fixtures.gaAvailability(1, 3))
            .answer("GET", "/api/shows/11/availability", 200, Fixtures.seatedAvailability(1, "AVAILABLE"));
    private final List<Long> countsSeen = new ArrayList<>();
    private int salesReported;
    private final SaleViewModel sale = new SaleViewModel(Fixtures.session(http, server.uri(), Role.CLERK).api(),
            Tasks.sameThread(), Fixtures.TIMES, Fixtures.countingKeys(), a -> countsSeen.add(a.version()),
            () -> salesReported++);

    @AfterEach
    void stop() {
        server.close();
        http.close();
    }

    @Test
    void gaCashSaleIsOneRequestAndTheReceiptShowsTheChange() throws Exception {
        sale.show(show(21));
        server.answer("POST", SALES, 201, Fixtures.CASH_ORDER);

        quantity(1, "2");
        sale.payment().tenderedProperty().set("60");
        assertEquals("Change due $10.00", sale.payment().changeDueProperty().get());
        sale.pay();

        List<FakeServer.Request> sent = server.requests("POST", SALES);
        assertEquals(1, sent.size());
        assertEquals("k-1", sent.getFirst().idempotencyKey());
        assertEquals(Json.newMapper().readTree("""
                {"showId":21,"items":[{"tierId":8,"quantity":2}],"payment":{"method":"CASH","tenderedCents":6000}}"""),
                Json.newMapper().readTree(sent.getFirst().body()));
        assertEquals("$10.00", sale.receiptProperty().get().changeDue());
        assertEquals("2 tickets for $50.00", sale.receiptProperty().get().summary());
        assertEquals("ABCDEFGHIJKLMNOPQRSTUVWXYZ", sale.receiptProperty().get().tickets().getFirst().code());
        assertEquals("", sale.pick().basket().lines().get(1).quantityTextProperty().get(), "form cleared");
        assertEquals(2, server.requests("GET", "/api/shows/21/availability").size(), "counts refreshed");
        assertEquals(1, salesReported);
    }

    @Test
    void anAppliedVoucherShowsTheDiscountBeforePayingAndGoesWithTheSale() throws Exception {
        sale.show(show(21));
        server.answer("GET", "/api/shows/21/vouchers/spring10", 200, """
                {"id":4,"showId":21,"code":"SPRING10","kind":"PERCENT","value":10,"tierIds":null,"maxUses":50,
                 "uses":3,"validFrom":null,"validUntil":null,"disabled":false}""")
                .answer("GET", "/api/shows/21/vouchers/NOPE", 409, """
                {"error":"VOUCHER_INVALID","message":"There is no voucher code 'NOPE' for this show.",
                 "details":{"reason":"UNKNOWN"}}""")
                .answer("POST", SALES, 201, Fixtures.CASH_ORDER);
        quantity(1, "2");
        assertEquals("$50.00", sale.totalProperty().get());

        sale.voucherCodeProperty().set("NOPE");
        sale.applyVoucher();
        assertEquals("There is no voucher code 'NOPE' for this show.", sale.voucherNoteProperty().get());
        assertEquals("$50.00", sale.totalProperty().get());

        sale.voucherCodeProperty().set("spring10");
        sale.applyVoucher();
        assertEquals("SPRING10: 10 % off each ticket, $5.00 off this sale", sale.voucherNoteProperty().get());
        assertEquals("$45.00", sale.totalProperty().get(), "the discount before paying");
        sale.payment().tenderedProperty().set("50");
        assertEquals("Change due $5.00", sale.payment().changeDueProperty().get());
        sale.pay();

        assertEquals("SPRING10", Json.newMapper().readTree(server.requests("POST", SALES).getFirst().body())
                .get("voucherCode").asText());
        assertEquals("", sale.voucherCodeProperty().get(), "the next sale starts without it");
    }

    @Test
    void retryAfterALostAnswerSendsTheSameRequestUnderTheSameKey() {
        sale.show(show(21));
        quantity(1, "2");
        sale.payment().tenderedProperty().set("60");
        server.dropConnection("POST", SALES);

        sale.pay();

        assertTrue(sale.outcomeUnknownProperty().get());
        assertTrue(sale.errorMessageProperty().get().contains("cannot sell twice"));
        // The clerk cannot change the sale while its outcome is unknown; a retry ignores the form.
        quantity(1, "5");
        sale.newSale();
        server.answer("POST", SALES, 201, Fixtures.CASH_ORDER);
        sale.pay();

        List<FakeServer.Request> sent = server.requests("POST", SALES);
        assertEquals(2, sent.size());
        assertEquals(sent.get(0).idempotencyKey(), sent.get(1).idempotencyKey());
        assertEquals(sent.get(0).body(), sent.get(1).body());
        assertFalse(sale.outcomeUnknownProperty().get());
        assertEquals("2 tickets for $50.00", sale.receiptProperty().get().summary());
    }

    @Test
    void nextSaleAfterASettledOneGetsANewKey() {
        sale.show(show(21));
        server.answer("POST", SALES, 201, Fixtures.CASH_ORDER);
        sellTwoStanding();
        sale.newSale();
        assertNull(sale.receiptProperty().get());

        sellTwoStanding();

        List<FakeServer.Request> sent = server.requests("POST", SALES);
        assertEquals(List.of("k-1", "k-2"), sent.stream().map(FakeServer.Request::idempotencyKey).toList());
    }

    @Test
    void notEnoughLeftSaysWhichTierAndHowManyAndRefreshesTheCounts() {
        sale.show(show(21));
        server.answer("POST", SALES, 409, """
                {"error":"INSUFFICIENT_INVENTORY","message":"Not enough.",
                 "details":{"tierId":7,"requested":3,"available":1}}""");
        server.answer("GET", "/api/shows/21/availability", 200, Fixtures.gaAvailability(2, 1));
        quantity(0, "3");
        sale.payment().tenderedProperty().set("200");

        // The screen still shows 3 left, so the request goes out; the server knows better.
        sale.pay();

        assertEquals("Only 1 left in Bar Table; you asked for 3.", sale.errorMessageProperty().get());
        assertFalse(sale.outcomeUnknownProperty().get());
        assertEquals(1, sale.pick().basket().lines().getFirst().availableProperty().get());
        sale.pick().basket().lines().getFirst().quantityTextProperty().set("1");
        sale.pay();
        assertEquals("k-2", server.requests("POST", SALES).getLast().idempotencyKey());
    }

    @Test
    void shortCashIsCaughtBeforeAnythingIsSent() {
        sale.show(show(21));
        quantity(0, "1");
        sale.payment().tenderedProperty().set("40");

        sale.pay();

        assertEquals("The cash tendered is $5.00 short of the total.", sale.errorMessageProperty().get());
        assertTrue(server.requests("POST", SALES).isEmpty());
    }

    @Test
    void nothingPickedIsCaughtBeforeAnythingIsSent() {
        sale.show(show(21));

        sale.pay();

        assertEquals("Type how many tickets, or pick seats on the map.", sale.errorMessageProperty().get());
        assertTrue(server.requests("POST", SALES).isEmpty());
    }

    @Test
    void seatsPickedOnTheMapAreSoldByIdAndPaidByCard() {
        sale.show(show(11));
        server.answer("POST", SALES, 201, Fixtures.CASH_ORDER.replace("\"changeDueCents\":1000,", ""));
        assertTrue(sale.seatedProperty().get());
        SeatCell seat = sale.pick().seatMap().seats().getFirst();

        sale.pick().seatMap().toggle(seat);
        sale.payment().methodProperty().set(PaymentMethod.CARD);
        sale.pay();

        String body = server.requests("POST", SALES).getFirst().body();
        assertTrue(body.contains("\"seatIds\":[101]"), body);
        assertTrue(body.contains("\"cardNumber\":\"4242424242424242\""), body);
        assertFalse(body.contains("items"), body);
        assertEquals("", sale.receiptProperty().get().changeDue());
    }

    @Test
    void cashWithoutAnOpenDrawerSaysSo() {
        sale.show(show(21));
        server.answer("POST", SALES, 409,
                "{\"error\":\"SHIFT_CONFLICT\",\"message\":\"Open a cash drawer shift before taking cash.\"}");
        sellTwoStanding();

        assertEquals("Open a cash drawer shift before taking cash.", sale.errorMessageProperty().get());
        assertEquals(0, salesReported);
    }

    @Test
    void livePushUpdatesTheGridAndAnOlderOneIsIgnored() {
        sale.show(show(21));

        sale.applyAvailability(Availabilities.read(Fixtures.gaAvailability(7, 0)));
        sale.applyAvailability(Availabilities.read(Fixtures.gaAvailability(6, 3)));

        assertTrue(sale.pick().basket().lines().getFirst().soldOutProperty().get());
        assertEquals(List.of(1L, 7L, 6L), countsSeen, "the list hears every count, and judges age itself");
    }

    private void sellTwoStanding() {
        quantity(1, "2");
        sale.payment().tenderedProperty().set("60");
        sale.pay();
    }

    private void quantity(int line, String typed) {
        sale.pick().basket().lines().get(line).quantityTextProperty().set(typed);
    }

    private static ShowEntry show(long showId) {
        return Fixtures.entry(showId);
    }
}
