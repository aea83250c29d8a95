package dev.marquee.server.boxoffice;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.marquee.server.testing.ApiClient;
import dev.marquee.server.testing.ApiResponse;
import dev.marquee.server.testing.LiveClient;
import dev.marquee.server.testing.Race;
import dev.marquee.server.testing.Shows.Tier;
import dev.marquee.server.testing.Shows;
import dev.marquee.server.testing.TestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Door scans: each ticket admits once, refunded and unknown codes admit nobody, scanner noise is tolerated. */
class BoxOfficeCheckinTest {

    private static final Map<String, Object> CARD = Map.of("method", "CARD", "cardNumber", "4242424242424242");

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
    void aTicketChecksInOnceAndASecondScanSaysWhen() {
        Shows.Show show = shows.seated(1, 4, Tier.rows("Stalls", 4200, 1, 1));
        JsonNode order = sell(show, 2);
        JsonNode ticket = order.at("/tickets/1");

        ApiResponse first = scan(ticket.get("code").asText());
        ApiResponse second = scan(ticket.get("code").asText());

        assertEquals(200, first.status(), first::toString);
        assertEquals(ticket.get("id"), first.body().at("/ticket/id"));
        assertEquals("CHECKED_IN", first.body().at("/ticket/status").asText());
        assertEquals(ticket.get("seatLabel"), first.body().at("/ticket/seatLabel"));
        assertEquals(order.get("id"), first.body().get("orderId"));
        assertEquals("Test Event", first.body().get("eventTitle").asText());
        assertEquals(order.get("startsAt"), first.body().get("startsAt"));
        assertEquals(409, second.status(), second::toString);
        assertEquals("ALREADY_CHECKED_IN", second.error());
        Instant checkedInAt = Instant.parse(second.body().at("/details/checkedInAt").asText());
        assertEquals(first.body().get("checkedInAt").asText(), checkedInAt.toString());
        assertEquals(1, server.number("""
                SELECT count(*) FROM tickets WHERE id = ?::uuid AND status = 'CHECKED_IN'
                AND checked_in_at = ?::timestamptz""", ticket.get("id").asText(), checkedInAt.toString()));
        JsonNode after = clerk.get("/api/orders/" + order.get("id").asText()).body();
        assertEquals("CHECKED_IN", after.at("/tickets/1/status").asText());
        assertEquals("VALID", after.at("/tickets/0/status").asText(), "the other ticket of the order is untouched");
        assertEquals(1, server.number("SELECT count(*) FROM audit_log WHERE action = 'CHECK_IN' AND show_id = ?",
                show.id()));
    }

    @Test
    void refundedAndUnknownCodesAreNotFound() {
        Shows.Show show = shows.ga(Tier.ga("Floor", 1500, 10));
        JsonNode order = sell(show, 2);
        ApiResponse refund = clerk.postOnce("/api/orders/" + order.get("id").asText() + "/refund",
                Map.of("ticketIds", List.of(order.at("/tickets/0/id").asText())));
        assertEquals(200, refund.status(), refund::toString);

        for (String code : List.of(order.at("/tickets/0/code").asText(), "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
                "not a ticket", "A".repeat(27), order.at("/tickets/1/code").asText() + "X")) {
            ApiResponse answer = scan(code);
            assertEquals(404, answer.status(), code + ": " + answer);
            assertEquals("NOT_FOUND", answer.error(), code);
        }
        assertEquals(0, server.number("SELECT count(*) FROM tickets WHERE show_id = ? AND status = 'CHECKED_IN'",
                show.id()));
        assertEquals(200, scan(order.at("/tickets/1/code").asText()).status(), "the live ticket still admits");
    }

    @Test
    void missingOrBlankCodesAreBadRequests() {
        for (String body : List.of("{}", "{\"code\":null}", "{\"code\":\"  \\r\\n\"}", "{\"code\":42}")) {
            ApiResponse answer = clerk.raw("POST", "/api/checkin", body.getBytes(), "Content-Type", "application/json");
            assertEquals(400, answer.status(), body + ": " + answer);
            assertEquals("VALIDATION_FAILED", answer.error(), body);
        }
    }

    @Test
    void scannerStyleInputIsTrimmedAndUpperCased() {
        Shows.Show show = shows.ga(Tier.ga("Floor", 1500, 10));
        JsonNode tickets = sell(show, 3).get("tickets");
        String withSpace = tickets.get(2).get("code").asText();

        ApiResponse crlf = scan("  " + tickets.get(0).get("code").asText() + "\r\n");
        ApiResponse lower = scan("\t" + tickets.get(1).get("code").asText().toLowerCase() + "\n");
        ApiResponse inner = scan(withSpace.substring(0, 10) + " " + withSpace.substring(10));

        assertEquals(200, crlf.status(), crlf::toString);
        assertEquals(tickets.get(0).get("id"), crlf.body().at("/ticket/id"));
        assertEquals(200, lower.status(), lower::toString);
        assertEquals(tickets.get(1).get("id"), lower.body().at("/ticket/id"));
        assertEquals(404, inner.status(), "only the ends are trimmed: " + inner);
        assertEquals(2, server.number("SELECT count(*) FROM tickets WHERE show_id = ? AND status = 'CHECKED_IN'",
                show.id()));
    }

    @Test
    void tenSimultaneousScansOfOneCodeAdmitExactlyOnce() {
        Shows.Show show = shows.ga(Tier.ga("Floor", 1500, 10));
        String code = sell(show, 1).at("/tickets/0/code").asText();
        List<ApiClient> doors = List.of(clerk, server.clerk(), server.admin());

        List<ApiResponse> answers = Race.run(10, i -> scan(doors.get(i % doors.size()), code));

        assertEquals(1, answers.stream().filter(a -> a.status() == 200).count(), Race.statuses(answers));
        assertEquals(9, answers.stream().filter(a -> "ALREADY_CHECKED_IN".equals(a.error())).count(),
                Race.statuses(answers));
        String admittedAt = answers.stream().filter(a -> a.status() == 200).findFirst().orElseThrow()
                .body().get("checkedInAt").asText();
        answers.stream().filter(a -> a.status() == 409).forEach(a -> assertEquals(admittedAt,
                Instant.parse(a.body().at("/details/checkedInAt").asText()).toString()));
        assertEquals(1, server.number("SELECT count(*) FROM audit_log WHERE action = 'CHECK_IN' AND show_id = ?",
                show.id()));
    }

    @Test
    void onlyStaffMayCheckTicketsIn() {
        Shows.Show show = shows.ga(Tier.ga("Floor", 1500, 10));
        String code = sell(show, 1).at("/tickets/0/code").asText();

        ApiResponse fan = scan(server.fan(), code);
        ApiResponse anonymous = scan(server.anonymous(), code);

        assertEquals(403, fan.status(), fan::toString);
        assertEquals("FORBIDDEN", fan.error());
        assertEquals(401, anonymous.status(), anonymous::toString);
        assertEquals("UNAUTHORIZED", anonymous.error());
        assertEquals(0, server.number("SELECT count(*) FROM tickets WHERE code = ? AND status = 'CHECKED_IN'", code));
    }

    @Test
    void aCheckInIsPushedToTheShowsSubscribersSoAnOpenReportHearsOfIt() {
        Shows.Show show = shows.ga(Tier.ga("Floor", 3000, 10));
        JsonNode ticket = sell(show, 1).at("/tickets/0");
        try (LiveClient live = LiveClient.connect(server).subscribe(show.id())) {
            await().atMost(Duration.ofSeconds(5)).until(() -> live.latest(show.id()) != null);
            long before = live.latest(show.id()).get("version").asLong();

            assertEquals(200, scan(ticket.get("code").asText()).status());

            await().atMost(Duration.ofSeconds(2)).until(() -> live.latest(show.id()).get("version").asLong() > before);
            JsonNode pushed = live.latest(show.id());
            assertEquals("availability", pushed.get("type").asText());
            assertEquals(9, pushed.at("/tiers/0/available").asInt(), "a check-in changes no availability");
        }
    }

    private static JsonNode sell(Shows.Show show, int quantity) {
        ApiResponse sale = clerk.postOnce("/api/sales", Map.of("showId", show.id(),
                "items", List.of(Map.of("tierId", show.tier(0), "quantity", quantity)), "payment", CARD));
        assertEquals(201, sale.status(), sale::toString);
        return sale.body();
    }

    private static ApiResponse scan(String code) {
        return scan(clerk, code);
    }

    private static ApiResponse scan(ApiClient door, String code) {
        return door.post("/api/checkin", Map.of("code", code));
    }
}
