package dev.marquee.client.boxoffice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marquee.client.common.Availabilities;
import dev.marquee.client.common.FakeServer;
import dev.marquee.client.common.Fixtures;
import dev.marquee.client.common.Tasks;
import dev.marquee.client.common.api.ServerApi;
import dev.marquee.model.auth.Role;
import dev.marquee.model.booking.PaymentMethod;
import java.net.http.HttpClient;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BoxOfficeViewModelTest {

    private final HttpClient http = ServerApi.newHttpClient();
    private final FakeServer server = FakeServer.start();
    private BoxOfficeViewModel boxOffice;

    @BeforeEach
    void start() {
        server.answer("GET", "/api/events", 200, Fixtures.EVENTS)
                .answer("GET", "/api/shows/21/availability", 200, Fixtures.gaAvailability(1, 3))
                .answer("GET", "/api/shows/11/availability", 200, Fixtures.seatedAvailability(1, "AVAILABLE"))
                .answer("GET", "/api/shifts/current", 404, "{\"error\":\"NOT_FOUND\",\"message\":\"None.\"}");
        boxOffice = new BoxOfficeViewModel(Fixtures.session(http, server.uri(), Role.CLERK).api(),
                Tasks.sameThread(), Fixtures.TIMES, Fixtures.countingKeys());
    }

    @AfterEach
    void stop() {
        server.close();
        http.close();
    }

    @Test
    void idleScreenHasTodaysShowReadyToSell() {
        boxOffice.refresh();

        assertEquals(21L, boxOffice.sale().showProperty().get().showId());
        assertEquals(List.of("Bar Table", "Standing"), boxOffice.sale().pick().basket().lines().stream()
                .map(line -> line.nameProperty().get()).toList());
        assertEquals(List.of(21L, 11L, 31L), boxOffice.watchedShowIdsProperty().get());
    }

    @Test
    void livePushReachesBothTheListAndTheGrid() {
        boxOffice.refresh();

        boxOffice.applyAvailability(Availabilities.read(Fixtures.gaAvailability(4, 1)));

        assertEquals(1, boxOffice.sale().pick().basket().lines().getFirst().availableProperty().get());
        assertEquals("301 left", boxOffice.shows().shows().getFirst().stockProperty().get());
    }

    @Test
    void pickingAnotherShowLoadsItsSeats() {
        boxOffice.refresh();

        boxOffice.shows().select(boxOffice.shows().shows().get(1));

        assertEquals(4, boxOffice.sale().pick().seatMap().seats().size());
        assertEquals(0, boxOffice.sale().pick().basket().ticketCountProperty().get());
    }

    @Test
    void aCashSaleRefusedForWantOfADrawerStopsSayingSoOnceTheDrawerOpens() {
        server.answer("POST", "/api/sales", 409,
                "{\"error\":\"SHIFT_CONFLICT\",\"message\":\"Open a cash drawer shift before taking cash.\"}")
                .answer("POST", "/api/shifts", 201,
                        "{\"id\":\"sh-1\",\"openedAt\":\"2026-07-15T12:00:00Z\",\"openingFloatCents\":10000}");
        boxOffice.refresh();
        boxOffice.sale().pick().basket().lines().getFirst().quantityTextProperty().set("1");
        boxOffice.sale().payment().methodProperty().set(PaymentMethod.CASH);
        boxOffice.sale().payment().tenderedProperty().set("50");

        boxOffice.sale().pay();
        assertEquals("Open a cash drawer shift before taking cash.", boxOffice.sale().errorMessageProperty().get());

        server.answer("GET", "/api/shifts/current", 200, """
                {"id":"sh-1","openedAt":"2026-07-15T12:00:00Z","openingFloatCents":10000,"cashSalesCents":0,
                 "cashRefundsCents":0,"cardSalesCents":0,"cardRefundsCents":0,"expectedCashCents":10000,
                 "ticketsSold":0,"ticketsRefunded":0}""");
        boxOffice.shift().openingFloatProperty().set("100");
        boxOffice.shift().openDrawer();

        assertTrue(boxOffice.shift().openProperty().get());
        assertEquals("", boxOffice.sale().errorMessageProperty().get());
    }
}
