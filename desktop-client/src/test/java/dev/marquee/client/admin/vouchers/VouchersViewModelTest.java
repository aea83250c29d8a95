package dev.marquee.client.admin.vouchers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.marquee.client.admin.shows.ShowRow;
import dev.marquee.client.common.FakeServer;
import dev.marquee.client.common.Fixtures;
import dev.marquee.client.common.Tasks;
import dev.marquee.client.common.api.ServerApi;
import dev.marquee.model.Json;
import dev.marquee.model.admin.VoucherKind;
import dev.marquee.model.catalog.SeatingMode;
import java.net.http.HttpClient;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class VouchersViewModelTest {

    private static final String PATH = "/api/admin/shows/21/vouchers";
    private static final ShowRow JAZZ = new ShowRow(21, 2, "Late Night Jazz", "Today, 20:30", "Riverside Hall",
            SeatingMode.GA, true);
    private static final String SPRING = """
            {"id":4,"showId":21,"code":"SPRING10","kind":"PERCENT","value":10,"tierIds":null,"maxUses":50,
             "uses":3,"validFrom":null,"validUntil":null,"disabled":false}""";
    /** Opens Presale from 09:00 today (New York) until the 19th at 23:59. */
    private static final String PRESALE = """
            {"id":6,"showId":21,"code":"EARLY","kind":"UNLOCK","value":null,"tierIds":[9],"maxUses":40,
             "uses":0,"validFrom":"2026-07-15T13:00:00Z","validUntil":"2026-07-20T03:59:00Z","disabled":false}""";
    /** Show 21 as the admin reads it: two tiers fans see and the hidden Presale. */
    private static final String SHOW = """
            {"id":21,"eventId":2,"eventTitle":"Late Night Jazz","startsAt":"2026-07-16T00:30:00Z",
             "venue":{"id":3,"name":"Riverside Hall","capacity":340},"seatingMode":"GA","onSale":true,
             "tiers":[{"id":7,"name":"Bar Table","priceCents":4500},{"id":8,"name":"Standing","priceCents":2500},
                      {"id":9,"name":"Presale","priceCents":2000,"hidden":true}],
             "waitingRoom":"AUTO","onSaleAt":null,"maxTicketsPerAccount":null}""";

    private final HttpClient http = ServerApi.newHttpClient();
    private final FakeServer server = FakeServer.start().answer("GET", "/api/shows/21", 200, SHOW);
    private final VouchersViewModel vouchers = new VouchersViewModel(
            new ServerApi(http, server.uri()).withToken("tok-1"), Tasks.sameThread(), Fixtures.TIMES);

    @AfterEach
    void stop() {
        server.close();
        http.close();
    }

    @Test
    void aShowsVouchersAreListedWithTheirTiersWindowAndUses() {
        server.answer("GET", PATH, 200, "[" + SPRING + "," + PRESALE + "]");

        vouchers.showPicked(JAZZ);

        assertEquals(List.of(
                new VoucherRow(4, "SPRING10", "10 % off each ticket", "Every tier", "Any time", "3 of 50", "On", false),
                new VoucherRow(6, "EARLY", "Opens hidden tiers", "Presale (hidden)",
                        "Today, 09:00 to Sun 19 Jul 2026, 23:59", "0 of 40", "On", false)),
                vouchers.vouchers());
        assertEquals(List.of("Bar Table", "Standing", "Presale (hidden)"),
                vouchers.tiers().stream().map(TierChoice::label).toList());
    }

    @Test
    void aVoucherIsMadeFromTheFormAndABadOneIsNotSent() throws Exception {
        server.answer("GET", PATH, 200, "[]").answer("POST", PATH, 201, """
                {"id":5,"showId":21,"code":"FIVER","kind":"AMOUNT","value":500,"tierIds":null,"maxUses":20,
                 "uses":0,"validFrom":null,"validUntil":null,"disabled":false}""");
        vouchers.showPicked(JAZZ);

        vouchers.codeProperty().set("FIVER");
        vouchers.kindProperty().set(VoucherKind.AMOUNT);
        vouchers.valueProperty().set("abc");
        vouchers.maxUsesProperty().set("20");
        vouchers.create();
        assertEquals("Type the amount off each ticket, such as 5.00.", vouchers.errorMessageProperty().get());
        assertEquals(0, server.requests("POST", PATH).size());

        vouchers.valueProperty().set("5.00");
        vouchers.create();

        assertEquals(Json.newMapper().readTree("{\"code\":\"FIVER\",\"kind\":\"AMOUNT\",\"value\":500,\"maxUses\":20}"),
                Json.newMapper().readTree(server.requests("POST", PATH).getFirst().body()));
        assertEquals("Made FIVER: $5.00 off each ticket, 20 uses.", vouchers.messageProperty().get());
        assertEquals("", vouchers.codeProperty().get());
    }

    @Test
    void aVoucherForTheTiersTickedInAWindowSendsThemAsInstantsOfTheUsersZone() throws Exception {
        server.answer("GET", PATH, 200, "[]").answer("POST", PATH, 201, """
                {"id":7,"showId":21,"code":"SUMMER","kind":"PERCENT","value":10,"tierIds":[8,9],"maxUses":30,
                 "uses":0,"validFrom":"2026-07-17T13:00:00Z","validUntil":"2026-07-20T03:30:00Z","disabled":false}""");
        vouchers.showPicked(JAZZ);
        fill("SUMMER", VoucherKind.PERCENT, "10", "30");
        tick(8);
        tick(9);
        vouchers.window().fromDateProperty().set(LocalDate.of(2026, 7, 17));
        vouchers.window().fromTimeProperty().set("9:00");
        vouchers.window().untilDateProperty().set(LocalDate.of(2026, 7, 19));
        vouchers.window().untilTimeProperty().set("23:30");

        vouchers.create();

        assertEquals(Json.newMapper().readTree("""
                {"code":"SUMMER","kind":"PERCENT","value":10,"tierIds":[8,9],"maxUses":30,
                 "validFrom":"2026-07-17T13:00:00Z","validUntil":"2026-07-20T03:30:00Z"}"""),
                Json.newMapper().readTree(server.requests("POST", PATH).getFirst().body()));
        assertEquals("Made SUMMER: 10 % off each ticket, 30 uses, for Standing, Presale (hidden), valid Fri 17 Jul"
                + " 2026, 09:00 to Sun 19 Jul 2026, 23:30.", vouchers.messageProperty().get());
        assertFalse(vouchers.tiers().stream().anyMatch(tier -> tier.chosenProperty().get()), "the ticks are cleared");
        assertEquals(null, vouchers.window().fromDateProperty().get());
    }

    @Test
    void aWindowThatEndsBeforeItStartsOrLacksADateOrTimeIsNotSent() {
        server.answer("GET", PATH, 200, "[]");
        vouchers.showPicked(JAZZ);
        fill("LATE", VoucherKind.PERCENT, "15", "10");
        VoucherWindow window = vouchers.window();

        window.fromDateProperty().set(LocalDate.of(2026, 7, 20));
        refused("Type the time the voucher starts, for example 09:00.");
        window.fromTimeProperty().set("25:00");
        refused("Type the time the voucher starts as HH:mm, for example 09:00.");
        window.fromTimeProperty().set("10:00");
        window.untilTimeProperty().set("10:00");
        refused("Choose the date the voucher ends, or clear its time.");
        window.untilDateProperty().set(LocalDate.of(2026, 7, 19));
        refused("The voucher must end after it starts: 'until' is not after 'from'.");
        window.untilDateProperty().set(LocalDate.of(2026, 7, 20));
        refused("The voucher must end after it starts: 'until' is not after 'from'.");
    }

    @Test
    void valuesOutOfRangeAndAnUnlockThatOpensNothingAreNotSent() {
        server.answer("GET", PATH, 200, "[]");
        vouchers.showPicked(JAZZ);

        fill("HALF", VoucherKind.PERCENT, "101", "10");
        refused("Type the percentage off, 1 to 100.");
        fill("HALF", VoucherKind.AMOUNT, "100000.01", "10");
        refused("The amount off each ticket is at most $100,000.00.");
        fill("HALF", VoucherKind.AMOUNT, "5", "100001");
        refused("Type how many uses the voucher gives, 1 to 100,000.");
        fill("OPEN", VoucherKind.UNLOCK, "", "10");
        tick(8);
        refused("An unlock voucher opens hidden tiers: tick the hidden tiers it opens, or none for every hidden tier.");
    }

    @Test
    void anUnlockVoucherOnAShowWithoutHiddenTiersIsNotSent() {
        server.answer("GET", "/api/shows/21", 200, SHOW.replace(",\"hidden\":true", ""));
        server.answer("GET", PATH, 200, "[]");
        vouchers.showPicked(JAZZ);

        fill("OPEN", VoucherKind.UNLOCK, "", "10");

        refused("This show has no hidden tier for an unlock voucher to open: make one in Tiers & sale.");
    }

    @Test
    void theServersRefusalIsShownInItsWords() {
        server.answer("GET", PATH, 200, "[" + SPRING + "]").answer("POST", PATH, 400, """
                {"error":"VALIDATION_FAILED","message":"Show 21 already has a voucher 'spring10' (codes ignore case).",
                 "details":{"field":"code"}}""");
        vouchers.showPicked(JAZZ);
        fill("spring10", VoucherKind.UNLOCK, "", "5");

        vouchers.create();

        assertEquals(1, server.requests("POST", PATH).size());
        assertEquals("Show 21 already has a voucher 'spring10' (codes ignore case).",
                vouchers.errorMessageProperty().get());
        assertEquals("spring10", vouchers.codeProperty().get(), "the form keeps what was typed");
    }

    @Test
    void aVoucherIsTurnedOffAndOnAgain() throws Exception {
        server.answer("GET", PATH, 200, "[" + SPRING + "]")
                .answer("PATCH", PATH + "/4", 200, SPRING.replace("\"disabled\":false", "\"disabled\":true"));
        vouchers.showPicked(JAZZ);

        vouchers.toggle(vouchers.vouchers().getFirst());

        assertEquals(Json.newMapper().readTree("{\"disabled\":true}"),
                Json.newMapper().readTree(server.requests("PATCH", PATH + "/4").getFirst().body()));
        assertEquals("SPRING10 is off: sales refuse it.", vouchers.messageProperty().get());
    }

    private void fill(String code, VoucherKind kind, String value, String uses) {
        vouchers.codeProperty().set(code);
        vouchers.kindProperty().set(kind);
        vouchers.valueProperty().set(value);
        vouchers.maxUsesProperty().set(uses);
    }

    private void tick(long tierId) {
        vouchers.tiers().stream().filter(tier -> tier.tierId() == tierId).findFirst().orElseThrow()
                .chosenProperty().set(true);
    }

    private void refused(String why) {
        vouchers.create();
        assertEquals(why, vouchers.errorMessageProperty().get());
        assertEquals(0, server.requests("POST", PATH).size(), "nothing is sent");
    }
}
