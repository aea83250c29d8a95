package dev.marquee.client.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marquee.client.common.FakeServer;
import dev.marquee.client.common.Fixtures;
import dev.marquee.client.common.ManualTime;
import dev.marquee.client.common.Tasks;
import dev.marquee.client.common.api.ServerApi;
import dev.marquee.client.common.format.ShowTimes;
import dev.marquee.model.auth.Role;
import dev.marquee.model.booking.HoldItem;
import dev.marquee.model.booking.HoldStatus;
import dev.marquee.model.booking.HoldView;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CheckoutViewModelTest {

    static final String CHECKOUT = "/api/holds/h-1/checkout";
    static final String FAN_ORDER = Fixtures.CASH_ORDER.replace("\"changeDueCents\":1000,", "")
            .replace("BOX_OFFICE", "ONLINE");

    private final HttpClient http = ServerApi.newHttpClient();
    private final FakeServer server = FakeServer.start();
    private final ManualTime time = ManualTime.atNoon();
    private int endings;
    private final CheckoutViewModel checkout = new CheckoutViewModel(
            Fixtures.session(http, server.uri(), Role.FAN).api(), Tasks.sameThread(),
            new ShowTimes(time, Locale.UK), time, Fixtures.countingKeys(), () -> endings++);

    @AfterEach
    void stop() {
        server.close();
        http.close();
    }

    @Test
    void holdCountsDownTheTimeLeftToPay() {
        checkout.start(heldForTenMinutes(), "2 × Standing");
        assertEquals("10:00 left to pay", checkout.countdownProperty().get());
        assertEquals("$50.00", checkout.totalProperty().get());

        time.advance(Duration.ofSeconds(19));

        assertEquals("9:41 left to pay", checkout.countdownProperty().get());
    }

    @Test
    void holdThatRunsOutSaysSoAndStopsTicking() {
        checkout.start(heldForTenMinutes(), "2 × Standing");

        time.advance(Duration.ofMinutes(10));

        assertTrue(checkout.expiredProperty().get());
        assertNull(checkout.holdProperty().get());
        assertEquals("Your hold ran out and the tickets went back on sale. Pick them again to book.",
                checkout.messageProperty().get());
        assertEquals(0, time.running());
        assertEquals(1, endings);
    }

    @Test
    void declinedCardKeepsTheHoldAndSaysSo() {
        server.answer("POST", CHECKOUT, 402, """
                {"error":"PAYMENT_DECLINED","message":"The card was declined. Nothing was charged."}""");
        checkout.start(heldForTenMinutes(), "2 × Standing");
        time.advance(Duration.ofSeconds(30));
        checkout.payment().cardNumberProperty().set("4000 0000 0000 0002");

        checkout.checkout();

        assertNotNull(checkout.holdProperty().get());
        assertEquals("Your card was declined and nothing was charged. Your tickets are still held for you:"
                + " try another card before the time runs out.", checkout.messageProperty().get());
        assertEquals("9:30 left to pay", checkout.countdownProperty().get());
        assertEquals(1, time.running());
        assertEquals(0, endings);
    }

    @Test
    void anotherCardAfterADeclineIsANewAttemptAndPays() {
        server.answer("POST", CHECKOUT, 402, "{\"error\":\"PAYMENT_DECLINED\",\"message\":\"Declined.\"}");
        checkout.start(heldForTenMinutes(), "2 × Standing");
        checkout.payment().cardNumberProperty().set("4000 0000 0000 0002");
        checkout.checkout();

        server.answer("POST", CHECKOUT, 201, FAN_ORDER);
        checkout.payment().cardNumberProperty().set("4242 4242 4242 4242");
        checkout.checkout();

        List<FakeServer.Request> sent = server.requests("POST", CHECKOUT);
        assertEquals(List.of("k-1", "k-2"), sent.stream().map(FakeServer.Request::idempotencyKey).toList());
        assertTrue(sent.getLast().body().contains("\"cardNumber\":\"4242424242424242\""));
        assertEquals("2 tickets for $50.00", checkout.orderProperty().get().summary());
        assertNull(checkout.holdProperty().get());
        assertEquals(0, time.running());
        assertEquals(1, endings);
    }

    @Test
    void lostCheckoutAnswerIsRetriedUnderTheSameKey() {
        checkout.start(heldForTenMinutes(), "2 × Standing");
        server.dropConnection("POST", CHECKOUT);
        checkout.checkout();
        assertTrue(checkout.messageProperty().get().contains("you will not be charged twice"));

        server.answer("POST", CHECKOUT, 201, FAN_ORDER);
        checkout.checkout();

        List<FakeServer.Request> sent = server.requests("POST", CHECKOUT);
        assertEquals(sent.get(0).idempotencyKey(), sent.get(1).idempotencyKey());
        assertNotNull(checkout.orderProperty().get());
    }

    @Test
    void checkoutOfAnExpiredHoldEndsIt() {
        server.answer("POST", CHECKOUT, 410, "{\"error\":\"HOLD_EXPIRED\",\"message\":\"This hold has expired.\"}");
        checkout.start(heldForTenMinutes(), "2 × Standing");

        checkout.checkout();

        assertTrue(checkout.expiredProperty().get());
        assertNull(checkout.holdProperty().get());
    }

    @Test
    void releaseLetsTheTicketsGo() {
        server.answer("DELETE", "/api/holds/h-1", 204, null);
        checkout.start(heldForTenMinutes(), "2 × Standing");

        checkout.release();

        assertEquals(1, server.requests("DELETE", "/api/holds/h-1").size());
        assertNull(checkout.holdProperty().get());
        assertFalse(checkout.expiredProperty().get());
        assertEquals(1, endings);
    }

    private HoldView heldForTenMinutes() {
        return new HoldView("h-1", 21, HoldStatus.ACTIVE, time.instant().plus(Duration.ofMinutes(10)),
                List.of(new HoldItem(8, 2, 2500)), List.of(), 5000);
    }
}
