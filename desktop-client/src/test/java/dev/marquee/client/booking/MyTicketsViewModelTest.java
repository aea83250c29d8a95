package dev.marquee.client.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.marquee.client.common.FakeServer;
import dev.marquee.client.common.Fixtures;
import dev.marquee.client.common.Tasks;
import dev.marquee.client.common.api.ServerApi;
import dev.marquee.model.auth.Role;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MyTicketsViewModelTest {

    private final HttpClient http = ServerApi.newHttpClient();
    private final FakeServer server = FakeServer.start();
    private final MyTicketsViewModel myTickets = new MyTicketsViewModel(
            Fixtures.session(http, server.uri(), Role.FAN).api(), Tasks.sameThread(), Fixtures.TIMES);

    @AfterEach
    void stop() {
        server.close();
        http.close();
    }

    @Test
    void everyTicketOfEveryOrderWithThePricePaidAndItsCode() {
        String seated = """
                {"id":"ord-2","showId":11,"eventTitle":"Vivaldi","startsAt":"2026-07-25T23:30:00Z","channel":"ONLINE",
                 "status":"PARTIALLY_REFUNDED","customerName":"Fay Fan","totalCents":8500,"createdAt":"2026-07-15T15:00:00Z",
                 "tickets":[{"id":"t-9","code":"QRSTUVWXYZ234567ABCDEFGHIJ","tierId":1,"tierName":"Premium",
                   "seatLabel":"Orchestra Row 1 Seat 1","priceCents":8500,"status":"REFUNDED"}]}""";
        server.answer("GET", "/api/me/orders", 200, "[" + seated + "," + CheckoutViewModelTest.FAN_ORDER + "]");

        myTickets.refresh();

        assertEquals(List.of(
                new MyTicketsViewModel.TicketRow("Vivaldi", "Sat 25 Jul 2026, 19:30", "Premium", "Orchestra Row 1 Seat 1",
                        "$85.00", "QRSTUVWXYZ234567ABCDEFGHIJ", "Refunded", "ord-2"),
                new MyTicketsViewModel.TicketRow("Late Night Jazz", "Today, 20:30", "Standing", "", "$25.00",
                        "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "Valid", "ord-1"),
                new MyTicketsViewModel.TicketRow("Late Night Jazz", "Today, 20:30", "Standing", "", "$25.00",
                        "BCDEFGHIJKLMNOPQRSTUVWXYZA", "Valid", "ord-1")), myTickets.tickets());
    }

    @Test
    void failureIsSaidInPlace() {
        server.answer("GET", "/api/me/orders", 401,
                "{\"error\":\"UNAUTHORIZED\",\"message\":\"Please sign in again.\"}");

        myTickets.refresh();

        assertEquals("Please sign in again.", myTickets.errorMessageProperty().get());
    }

    @Test
    void savingAsPdfWritesWhatTheServerPrintedWhereTheFanChose(@TempDir Path folder) throws Exception {
        server.answer("GET", "/api/me/orders", 200, "[" + CheckoutViewModelTest.FAN_ORDER + "]");
        server.answer("GET", "/api/orders/ord-1/tickets.pdf", 200, "%PDF-1.7 tickets");
        myTickets.refresh();
        MyTicketsViewModel.TicketRow row = myTickets.tickets().get(0);
        Path target = folder.resolve(MyTicketsViewModel.pdfFileName(row));

        myTickets.savePdf(row, target);

        assertEquals("tickets-ord-1.pdf", target.getFileName().toString());
        assertEquals("%PDF-1.7 tickets", Files.readString(target));
        assertEquals("Saved the tickets of Late Night Jazz to tickets-ord-1.pdf.", myTickets.savedMessageProperty().get());
        assertEquals("", myTickets.errorMessageProperty().get());
    }

    @Test
    void aPdfTheServerRefusesIsSaidAndNothingIsWritten(@TempDir Path folder) {
        server.answer("GET", "/api/me/orders", 200, "[" + CheckoutViewModelTest.FAN_ORDER + "]");
        server.answer("GET", "/api/orders/ord-1/tickets.pdf", 404,
                "{\"error\":\"NOT_FOUND\",\"message\":\"There is no order ord-1.\"}");
        myTickets.refresh();
        Path target = folder.resolve("tickets.pdf");

        myTickets.savePdf(myTickets.tickets().get(0), target);

        assertEquals("There is no order ord-1.", myTickets.errorMessageProperty().get());
        assertEquals(false, Files.exists(target));
    }
}
