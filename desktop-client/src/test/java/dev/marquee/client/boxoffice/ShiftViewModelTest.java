package dev.marquee.client.boxoffice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marquee.client.common.FakeServer;
import dev.marquee.client.common.Fixtures;
import dev.marquee.client.common.Tasks;
import dev.marquee.client.common.api.ServerApi;
import dev.marquee.model.auth.Role;
import java.net.http.HttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ShiftViewModelTest {

    private static final String OPEN_SHIFT = """
            {"id":"s-1","openedAt":"2026-07-15T14:05:00Z","closedAt":null,"openingFloatCents":20000,
             "cashSalesCents":5000,"cashRefundsCents":0,"cardSalesCents":0,"cardRefundsCents":0,
             "expectedCashCents":25000,"countedCashCents":null,"varianceCents":null,"ticketsSold":2,
             "ticketsRefunded":0}""";

    private final HttpClient http = ServerApi.newHttpClient();
    private final FakeServer server = FakeServer.start();
    private final ShiftViewModel shift = new ShiftViewModel(Fixtures.session(http, server.uri(), Role.CLERK).api(),
            Tasks.sameThread(), Fixtures.TIMES);

    @AfterEach
    void stop() {
        server.close();
        http.close();
    }

    @Test
    void noOpenShiftSaysCashNeedsOne() {
        server.answer("GET", "/api/shifts/current", 404,
                "{\"error\":\"NOT_FOUND\",\"message\":\"You have no open shift.\"}");

        shift.refresh();

        assertFalse(shift.openProperty().get());
        assertEquals("No cash drawer open: card sales only until you open one.", shift.summaryProperty().get());
        assertEquals("", shift.errorMessageProperty().get());
    }

    @Test
    void openShiftShowsItsRunningFigures() {
        server.answer("GET", "/api/shifts/current", 200, OPEN_SHIFT);

        shift.refresh();

        assertTrue(shift.openProperty().get());
        assertEquals("Drawer open since 10:05 · float $200.00 · cash sales $50.00 · expected in drawer $250.00"
                + " · 2 tickets sold", shift.summaryProperty().get());
    }

    @Test
    void openingTheDrawerSendsTheFloatInCents() {
        server.answer("POST", "/api/shifts", 201,
                "{\"id\":\"s-1\",\"openedAt\":\"2026-07-15T14:05:00Z\",\"openingFloatCents\":15050}");
        server.answer("GET", "/api/shifts/current", 200, OPEN_SHIFT);
        shift.openingFloatProperty().set("150.50");

        shift.openDrawer();

        assertEquals("{\"openingFloatCents\":15050}", server.requests("POST", "/api/shifts").getFirst().body());
        assertTrue(shift.openProperty().get());
        assertEquals("", shift.openingFloatProperty().get());
    }

    @Test
    void floatThatIsNotAnAmountIsAskedForAgain() {
        shift.openingFloatProperty().set("lots");

        shift.openDrawer();

        assertEquals("Type the cash in the drawer, for example 200 or 150.50.", shift.errorMessageProperty().get());
        assertTrue(server.requests().isEmpty());
    }
}
