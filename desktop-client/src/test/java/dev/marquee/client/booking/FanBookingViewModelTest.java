package dev.marquee.client.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marquee.client.common.FakeServer;
import dev.marquee.client.common.Fixtures;
import dev.marquee.client.common.ManualTime;
import dev.marquee.client.common.Tasks;
import dev.marquee.client.common.api.ServerApi;
import dev.marquee.client.common.format.ShowTimes;
import dev.marquee.model.Json;
import dev.marquee.model.auth.Role;
import java.net.http.HttpClient;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FanBookingViewModelTest {

    private static final String HOLDS = "/api/holds";
    private static final String HOLD_OF_TWO_STANDING = """
            {"id":"h-1","showId":21,"status":"ACTIVE","expiresAt":"2026-07-15T16:10:00Z",
             "items":[{"tierId":8,"quantity":2,"unitPriceCents":2500}],"seats":[],"totalCents":5000}""";

    private final HttpClient http = ServerApi.newHttpClient();
    private final FakeServer server = FakeServer.start();
    private final ManualTime time = ManualTime.atNoon();
    private FanBookingViewModel fan;

    @BeforeEach
    void start() {
        server.answer("GET", "/api/events", 200, Fixtures.EVENTS)
                .answer("GET", "/api/shows/21/availability", 200, Fixtures.gaAvailability(1, 3))
                .answer("GET", "/api/shows/11/availability", 200, Fixtures.seatedAvailability(1, "AVAILABLE"))
                .answer("GET", "/api/me/orders", 200, "[]");
        fan = new FanBookingViewModel(Fixtures.session(http, server.uri(), Role.FAN).api(), Tasks.sameThread(),
                new ShowTimes(time, Locale.UK), time, Fixtures.countingKeys(), Fixtures.countingKeys());
        fan.refresh();
    }

    @AfterEach
    void stop() {
        server.close();
        http.close();
    }

    @Test
    void aSoldOutShowOffersItsWaitingListAndAnOfferGoesStraightToCheckout() throws Exception {
        String soldOut = """
                {"showId":21,"version":9,"tiers":[
                  {"tierId":7,"name":"Bar Table","priceCents":4500,"capacity":40,"available":0,"held":0,"sold":40},
                  {"tierId":8,"name":"Standing","priceCents":2500,"capacity":300,"available":0,"held":0,"sold":300}]}""";
        fan.applyAvailability(dev.marquee.client.common.Availabilities.read(soldOut));
        assertEquals(true, fan.soldOutProperty().get());
        server.answer("POST", "/api/shows/21/waitlist", 201, """
                {"id":"w-1","showId":21,"tierId":7,"quantity":2,"state":"WAITING","position":3}""")
                .answer("GET", "/api/me/waitlist", 200, """
                [{"id":"w-1","showId":21,"tierId":7,"quantity":2,"state":"WAITING","position":3}]""");

        fan.waitQuantityProperty().set("2");
        fan.joinWaitlist();

        assertEquals(Json.newMapper().readTree("{\"tierId\":7,\"quantity\":2}"),
                Json.newMapper().readTree(server.requests("POST", "/api/shows/21/waitlist").getFirst().body()));
        assertEquals("You're number 3 on the waiting list for Bar Table. Tickets that come back are held for you"
                + " here.", fan.waitMessageProperty().get());
        assertEquals("Waiting: number 3 in line", fan.myTickets().waiting().getFirst().standing());

        server.answer("GET", "/api/me/waitlist", 200, """
                [{"id":"w-1","showId":21,"tierId":7,"quantity":2,"state":"OFFERED","position":0,
                  "offer":{"holdId":"h-9","expiresAt":"2026-07-15T16:30:00Z"}}]""")
                .answer("GET", "/api/holds/h-9", 200, """
                {"id":"h-9","showId":21,"status":"ACTIVE","expiresAt":"2026-07-15T16:30:00Z",
                 "items":[{"tierId":7,"quantity":2,"unitPriceCents":4500}],"seats":[],"totalCents":9000}""");
        fan.refresh();

        assertEquals("h-9", fan.checkout().holdProperty().get().id());
        assertEquals("Held for you from the waiting list: 2 × Bar Table", fan.checkout().descriptionProperty().get());
    }

    @Test
    void aWaitingListQuantityOutsideOneToTenIsNotSent() {
        fan.waitQuantityProperty().set("11");
        fan.joinWaitlist();
        assertEquals("Type how many tickets you want, 1 to 10.", fan.waitMessageProperty().get());
        assertEquals(0, server.requests("POST", "/api/shows/21/waitlist").size());
    }

    @Test
    void holdingTierQuantitiesStartsTheCountdown() throws Exception {
        server.answer("POST", HOLDS, 201, HOLD_OF_TWO_STANDING);
        fan.pick().basket().lines().get(1).quantityTextProperty().set("2");
        assertEquals("$50.00", fan.totalProperty().get());

        fan.holdTickets();

        FakeServer.Request sent = server.requests("POST", HOLDS).getFirst();
        assertEquals("k-1", sent.idempotencyKey());
        assertEquals(Json.newMapper().readTree("{\"showId\":21,\"items\":[{\"tierId\":8,\"quantity\":2}]}"),
                Json.newMapper().readTree(sent.body()));
        assertNotNull(fan.checkout().holdProperty().get());
        assertEquals("2 × Standing", fan.checkout().descriptionProperty().get());
        assertEquals("10:00 left to pay", fan.checkout().countdownProperty().get());
        assertEquals("", fan.pick().basket().lines().get(1).quantityTextProperty().get());
    }

    @Test
    void notEnoughLeftIsSaidInPlace() {
        server.answer("POST", HOLDS, 409, """
                {"error":"INSUFFICIENT_INVENTORY","message":"Not enough.",
                 "details":{"tierId":7,"requested":2,"available":0}}""");
        fan.pick().basket().lines().getFirst().quantityTextProperty().set("2");

        fan.holdTickets();

        assertEquals("No tickets left in Bar Table.", fan.errorMessageProperty().get());
        assertNull(fan.checkout().holdProperty().get());
    }

    @Test
    void aHoldSentToTheLineJoinsItAndLocksTheFormUntilTheFansTurn() {
        server.answer("POST", HOLDS, 409, """
                {"error":"QUEUE_REQUIRED","message":"Join the line.","details":{"showId":21}}""")
                .answer("POST", "/api/shows/21/queue", 201, """
                        {"showId":21,"number":7,"state":"WAITING","position":3,"estimatedWaitSeconds":12}""");
        fan.pick().basket().lines().get(1).quantityTextProperty().set("2");

        fan.holdTickets();

        assertEquals(1, server.requests("POST", "/api/shows/21/queue").size());
        assertEquals(WaitingRoomViewModel.Stage.WAITING, fan.waitingRoom().stageProperty().get());
        assertTrue(fan.errorMessageProperty().get().contains("waiting line"), fan.errorMessageProperty().get());
        fan.holdTickets();
        assertEquals(1, server.requests("POST", HOLDS).size(), "no second hold while waiting for a turn");
    }

    @Test
    void oneHoldAtATime() {
        server.answer("POST", HOLDS, 201, HOLD_OF_TWO_STANDING);
        fan.pick().basket().lines().get(1).quantityTextProperty().set("2");
        fan.holdTickets();

        fan.pick().basket().lines().get(1).quantityTextProperty().set("1");
        fan.holdTickets();

        assertEquals(1, server.requests("POST", HOLDS).size());
    }

    @Test
    void showNotOnSaleCannotBeHeld() {
        server.answer("GET", "/api/shows/31/availability", 200, "{\"showId\":31,\"version\":1,\"tiers\":[]}");
        fan.shows().select(fan.shows().shows().getLast());

        fan.holdTickets();

        assertEquals("This show is not on sale yet.", fan.errorMessageProperty().get());
        assertTrue(server.requests("POST", HOLDS).isEmpty());
    }

    @Test
    void paidHoldShowsUnderMyTickets() {
        server.answer("POST", HOLDS, 201, HOLD_OF_TWO_STANDING)
                .answer("POST", "/api/holds/h-1/checkout", 201, CheckoutViewModelTest.FAN_ORDER);
        fan.pick().basket().lines().get(1).quantityTextProperty().set("2");
        fan.holdTickets();
        server.answer("GET", "/api/me/orders", 200, "[" + CheckoutViewModelTest.FAN_ORDER + "]");

        fan.checkout().checkout();

        assertEquals(2, fan.myTickets().tickets().size());
        assertEquals("Late Night Jazz", fan.myTickets().tickets().getFirst().event());
    }
}
