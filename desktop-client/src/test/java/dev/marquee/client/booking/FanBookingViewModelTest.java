package dev.marquee.client.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marquee.client.common.Availabilities;
import dev.marquee.client.common.FakeServer;
import dev.marquee.client.common.Fixtures;
import dev.marquee.client.common.ManualTime;
import dev.marquee.client.common.Tasks;
import dev.marquee.client.common.api.ServerApi;
import dev.marquee.client.common.format.ShowTimes;
import dev.marquee.model.Json;
import dev.marquee.model.auth.Role;
import dev.marquee.model.live.OfferMessage;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
        fan.applyAvailability(Availabilities.read(soldOut));
        assertEquals(true, fan.waitlist().offeredProperty().get());
        server.answer("POST", "/api/shows/21/waitlist", 201, """
                {"id":"w-1","showId":21,"tierId":7,"quantity":2,"state":"WAITING","position":3}""")
                .answer("GET", "/api/me/waitlist", 200, """
                [{"id":"w-1","showId":21,"tierId":7,"quantity":2,"state":"WAITING","position":3}]""");

        fan.waitlist().quantityProperty().set("2");
        fan.waitlist().join();

        assertEquals(Json.newMapper().readTree("{\"tierId\":7,\"quantity\":2}"),
                Json.newMapper().readTree(server.requests("POST", "/api/shows/21/waitlist").getFirst().body()));
        assertEquals("You're number 3 on the waiting list for Bar Table. Tickets that come back are held for you"
                + " here.", fan.waitlist().messageProperty().get());
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
        fan.applyAvailability(Availabilities.read(Fixtures.gaAvailability(2, 0)));
        fan.waitlist().quantityProperty().set("11");
        fan.waitlist().join();
        assertEquals("Type how many tickets you want, 1 to 10.", fan.waitlist().messageProperty().get());
        assertEquals(0, server.requests("POST", "/api/shows/21/waitlist").size());
    }

    @Test
    void theFanPicksWhichSoldOutTierToWaitFor() throws Exception {
        assertEquals(false, fan.waitlist().offeredProperty().get(), "nothing is sold out");
        fan.applyAvailability(Availabilities.read(Fixtures.gaAvailability(2, 0)));
        assertEquals(List.of(new WaitlistJoinViewModel.TierChoice(7, "Bar Table")), fan.waitlist().tiers(),
                "only the sold-out tier");
        assertEquals("Some tiers are sold out. Tickets of theirs that come back are held for the fans on the waiting"
                + " list, in turn.", fan.waitlist().headlineProperty().get());

        fan.applyAvailability(Availabilities.read("""
                {"showId":21,"version":3,"tiers":[
                  {"tierId":7,"name":"Bar Table","priceCents":4500,"capacity":40,"available":0,"held":2,"sold":38},
                  {"tierId":8,"name":"Standing","priceCents":2500,"capacity":300,"available":0,"held":0,"sold":300}]}"""));
        assertEquals(List.of(new WaitlistJoinViewModel.TierChoice(7, "Bar Table"),
                new WaitlistJoinViewModel.TierChoice(8, "Standing")), fan.waitlist().tiers());
        assertEquals(new WaitlistJoinViewModel.TierChoice(7, "Bar Table"), fan.waitlist().tierProperty().get(),
                "the first, until the fan picks another");
        fan.waitlist().tierProperty().set(fan.waitlist().tiers().get(1));
        server.answer("POST", "/api/shows/21/waitlist", 201, """
                {"id":"w-2","showId":21,"tierId":8,"quantity":4,"state":"WAITING","position":1}""")
                .answer("GET", "/api/me/waitlist", 200, "[]");
        fan.waitlist().quantityProperty().set("4");

        fan.waitlist().join();

        assertEquals(Json.newMapper().readTree("{\"tierId\":8,\"quantity\":4}"),
                Json.newMapper().readTree(server.requests("POST", "/api/shows/21/waitlist").getFirst().body()));
        assertEquals("You're number 1 on the waiting list for Standing. Tickets that come back are held for you"
                + " here.", fan.waitlist().messageProperty().get());
    }

    @Test
    void anOfferPushedLiveCountsDownAndItsOneActionGoesStraightToItsCheckout() {
        server.answer("GET", "/api/me/waitlist", 200, """
                [{"id":"w-1","showId":21,"tierId":7,"quantity":2,"state":"OFFERED","position":0,
                  "offer":{"holdId":"h-9","expiresAt":"2026-07-15T16:30:00Z"}}]""")
                .answer("GET", "/api/holds/h-9", 200, """
                {"id":"h-9","showId":21,"status":"ACTIVE","expiresAt":"2026-07-15T16:30:00Z",
                 "items":[{"tierId":7,"quantity":2,"unitPriceCents":4500}],"seats":[],"totalCents":9000}""");

        fan.applyOffer(OfferMessage.of("w-1", 21, "h-9", Instant.parse("2026-07-15T16:30:00Z")));

        assertEquals(1, fan.offer().arrivalsProperty().get());
        assertEquals("Tickets for Late Night Jazz, Today, 20:30 came back and are held for you.",
                fan.offer().textProperty().get());
        assertEquals("30:00 left to check out", fan.offer().countdownProperty().get());
        time.advance(Duration.ofSeconds(1));
        assertEquals("29:59 left to check out", fan.offer().countdownProperty().get());
        assertEquals("Held for you until 12:30: check out under Book tickets",
                fan.myTickets().waiting().getFirst().standing(), "My tickets read again");
        assertNull(fan.checkout().holdProperty().get(), "the fan decides");

        fan.offer().checkOut();

        assertEquals("h-9", fan.checkout().holdProperty().get().id());
        assertEquals("Held for you from the waiting list: 2 × Bar Table", fan.checkout().descriptionProperty().get());
        assertEquals(false, fan.offer().openProperty().get());
    }

    @Test
    void anOfferNotTakenInTimeSaysItLapsed() {
        server.answer("GET", "/api/me/waitlist", 200, "[]");
        fan.applyOffer(OfferMessage.of("w-1", 21, "h-9", Instant.parse("2026-07-15T16:00:05Z")));
        assertEquals(true, fan.offer().openProperty().get());

        time.advance(Duration.ofSeconds(5));

        assertEquals(false, fan.offer().openProperty().get());
        assertEquals("The offer lapsed: the tickets went to the next fan on the list.",
                fan.offer().countdownProperty().get());
        fan.offer().checkOut();
        assertEquals(0, server.requests("GET", "/api/holds/h-9").size());
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
