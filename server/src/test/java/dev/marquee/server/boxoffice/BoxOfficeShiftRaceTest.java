package dev.marquee.server.boxoffice;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.marquee.server.testing.ApiClient;
import dev.marquee.server.testing.ApiResponse;
import dev.marquee.server.testing.Invariants;
import dev.marquee.server.testing.Race;
import dev.marquee.server.testing.Shows.Tier;
import dev.marquee.server.testing.Shows;
import dev.marquee.server.testing.TestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Shifts under real concurrency: opens racing each other, and cash sales racing the close of their drawer. */
class BoxOfficeShiftRaceTest {

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
    void twelveSimultaneousOpensBySomeoneWithoutAShiftOpenExactlyOne() {
        ApiClient clerk = server.clerk();

        List<ApiResponse> answers = Race.run(12, i -> clerk.post("/api/shifts", Map.of("openingFloatCents", i)));

        assertEquals(1, answers.stream().filter(a -> a.status() == 201).count(), Race.statuses(answers));
        assertEquals(11, answers.stream().filter(a -> "SHIFT_CONFLICT".equals(a.error())).count(),
                Race.statuses(answers));
        assertEquals(1, server.number("SELECT count(*) FROM shifts WHERE staff_id = ?::uuid", clerk.userId()));
    }

    @Test
    void salesRacingTheCloseAreEitherInTheZReportOrRefused() {
        Shows.Show show = shows.ga(Tier.ga("Floor", 700, 100));
        ApiClient clerk = server.clerk();
        String shiftId = openShift(clerk);

        List<ApiResponse> answers = Race.run(16, i -> i == 8
                ? clerk.post("/api/shifts/" + shiftId + "/close", Map.of("countedCashCents", 0))
                : clerk.postOnce("/api/sales", cashSale(show, 700)));

        JsonNode report = answers.get(8).body();
        assertEquals(200, answers.get(8).status(), answers.get(8)::toString);
        List<ApiResponse> sales = answers.stream().filter(a -> a != answers.get(8)).toList();
        long sold = sales.stream().filter(a -> a.status() == 201).count();
        assertEquals(15, sold + sales.stream().filter(a -> "SHIFT_CONFLICT".equals(a.error())).count(),
                Race.statuses(sales));
        assertEquals(sold * 700, report.get("cashSalesCents").asLong(), "every sale that went through is counted");
        assertEquals(sold, report.get("ticketsSold").asLong());
        assertEquals(sold * 700, server.number(
                "SELECT coalesce(sum(total_cents), 0) FROM orders WHERE shift_id = ?::uuid", shiftId),
                "nothing joined the shift after its close");
        Invariants.check(server, show.id());
    }

    private static String openShift(ApiClient staff) {
        ApiResponse opened = staff.post("/api/shifts", Map.of("openingFloatCents", 0));
        assertEquals(201, opened.status(), opened::toString);
        return opened.body().get("id").asText();
    }

    private static Map<String, Object> cashSale(Shows.Show show, long tenderedCents) {
        return Map.of("showId", show.id(), "items", List.of(Map.of("tierId", show.tier(0), "quantity", 1)),
                "payment", Map.of("method", "CASH", "tenderedCents", tenderedCents));
    }
}
