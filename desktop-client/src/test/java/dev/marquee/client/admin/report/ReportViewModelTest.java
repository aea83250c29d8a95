package dev.marquee.client.admin.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marquee.client.admin.shows.ShowRow;
import dev.marquee.client.common.Availabilities;
import dev.marquee.client.common.FakeServer;
import dev.marquee.client.common.Fixtures;
import dev.marquee.client.common.ManualTime;
import dev.marquee.client.common.TaskExecutor;
import dev.marquee.client.common.Tasks;
import dev.marquee.client.common.api.ServerApi;
import dev.marquee.client.common.format.ShowTimes;
import dev.marquee.model.catalog.SeatingMode;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportViewModelTest {

    private static final String PATH = "/api/admin/shows/21/report";
    private static final ShowRow JAZZ = new ShowRow(21, 2, "Late Night Jazz", "Today, 20:30", "Riverside Hall",
            SeatingMode.GA, true);
    private static final ShowRow GALA = new ShowRow(31, 3, "Winter Gala", "Sat 29 Aug 2026, 19:00",
            "The Grand Theatre", SeatingMode.SEATED, false);

    private final HttpClient http = ServerApi.newHttpClient();
    private final FakeServer server = FakeServer.start();
    private final ServerApi api = new ServerApi(http, server.uri()).withToken("tok-1");
    private final ManualTime time = ManualTime.atNoon();
    private final ShowTimes times = new ShowTimes(time, Locale.UK);
    private final ReportViewModel report = new ReportViewModel(api, Tasks.sameThread(), times, time);

    @AfterEach
    void stop() {
        server.close();
        http.close();
    }

    /** Bar Table: 38 sold ($1,710.00), 2 held; Standing: sold soldStanding at $25.00. */
    private static String reportJson(int soldStanding) {
        return """
                {"showId":21,"tiers":[
                  {"tierId":7,"name":"Bar Table","capacity":40,"sold":38,"held":2,"available":0,"revenueCents":171000,"checkedIn":10},
                  {"tierId":8,"name":"Standing","capacity":300,"sold":%d,"held":0,"available":%d,"revenueCents":%d,"checkedIn":0}],
                 "byChannel":{"ONLINE":{"tickets":30,"revenueCents":135000},"BOX_OFFICE":{"tickets":%d,"revenueCents":%d}},
                 "totalRevenueCents":%d}"""
                .formatted(soldStanding, 300 - soldStanding, soldStanding * 2500, 8 + soldStanding,
                        36000 + soldStanding * 2500, 171000 + soldStanding * 2500);
    }

    @Test
    void pickingAShowShowsItsHeadlineFiguresTiersAndChannels() {
        server.answer("GET", PATH, 200, reportJson(1));

        report.showPicked(JAZZ);

        assertEquals(1, server.requests("GET", PATH).size());
        assertEquals("Bearer tok-1", server.requests("GET", PATH).getFirst().authorization());
        assertEquals("$1,735.00", report.totalRevenueProperty().get());
        assertEquals("39", report.ticketsSoldProperty().get());
        assertEquals("10 of 39", report.checkedInProperty().get());
        assertEquals("30 tickets · $1,350.00", report.onlineProperty().get());
        assertEquals("9 tickets · $385.00", report.boxOfficeProperty().get());
        assertEquals(List.of(new ReportViewModel.TierLine("Bar Table", 40, 38, 2, 0, 10, "$1,710.00"),
                new ReportViewModel.TierLine("Standing", 300, 1, 0, 299, 0, "$25.00")), report.tiers());
        assertEquals(List.of(new ReportViewModel.ChannelLine("Online $1,350.00", 30, 135000),
                new ReportViewModel.ChannelLine("Box office $385.00", 9, 38500)), report.channels());
        assertEquals("Late Night Jazz · Today, 20:30 · Riverside Hall", report.headingProperty().get());
        assertEquals("Updated 12:00", report.updatedProperty().get());
        assertTrue(report.loadedProperty().get());
        assertFalse(report.busyProperty().get());
        assertEquals("report-show-21-20260715-120000", report.printName());
    }

    @Test
    void eachVoucherShowsItsUsesTicketsRevenueAndDiscountAndAShowWithoutVouchersShowsNone() {
        server.answer("GET", PATH, 200, """
                {"showId":21,"tiers":[],"byChannel":{},"totalRevenueCents":9000,"vouchers":[
                  {"voucherId":1,"code":"AURORA10","kind":"PERCENT","uses":3,"maxUses":100,"tickets":3,
                   "revenueCents":6750,"discountCents":750},
                  {"voucherId":2,"code":"PRESALE","kind":"UNLOCK","uses":1,"maxUses":50,"tickets":1,
                   "revenueCents":2250,"discountCents":0}]}""");

        report.showPicked(JAZZ);

        assertEquals(List.of(
                new ReportViewModel.VoucherLine("AURORA10", "Percent off", "3 of 100", 3, "$67.50", "$7.50"),
                new ReportViewModel.VoucherLine("PRESALE", "Unlocks hidden tiers", "1 of 50", 1, "$22.50", "$0.00")),
                report.vouchers());

        server.answer("GET", "/api/admin/shows/31/report", 200, """
                {"showId":31,"tiers":[],"byChannel":{},"totalRevenueCents":0}""");
        report.showPicked(GALA);

        assertTrue(report.vouchers().isEmpty(), "an answer without vouchers (an older server) lists none");
    }

    @Test
    void aChannelWithNoSalesYetReadsAsNothingSold() {
        server.answer("GET", PATH, 200, """
                {"showId":21,"tiers":[],"byChannel":{"ONLINE":{"tickets":1,"revenueCents":2500}},"totalRevenueCents":2500}""");

        report.showPicked(JAZZ);

        assertEquals("0 tickets · $0.00", report.boxOfficeProperty().get());
        assertEquals("1 ticket · $25.00", report.onlineProperty().get());
    }

    @Test
    void aFailedLoadSaysWhyAndKeepsTheLastFigures() {
        server.answer("GET", PATH, 200, reportJson(1));
        report.showPicked(JAZZ);
        server.answer("GET", PATH, 503,
                "{\"error\":\"SERVICE_UNAVAILABLE\",\"message\":\"The database is not answering; try again soon.\"}");

        report.refresh();

        assertEquals("The database is not answering; try again soon.", report.errorMessageProperty().get());
        assertEquals("$1,735.00", report.totalRevenueProperty().get());
        assertFalse(report.busyProperty().get(), "Refresh can be tried again");
    }

    @Test
    void aShowThatNoLongerExistsSaysToRefreshTheList() {
        report.showPicked(GALA);

        assertEquals("This show no longer exists. Refresh the show list (F5).", report.errorMessageProperty().get());
        assertFalse(report.loadedProperty().get());
        assertEquals("–", report.totalRevenueProperty().get());
    }

    @Test
    void anUnreachableServerIsSaidInPlace() {
        ReportViewModel offline = new ReportViewModel(
                new ServerApi(http, FakeServer.addressNobodyListensOn()).withToken("tok-1"), Tasks.sameThread(),
                times, time);

        offline.showPicked(JAZZ);

        assertFalse(offline.errorMessageProperty().get().isEmpty());
        assertFalse(offline.loadedProperty().get());
    }

    @Test
    void pushesForThePickedShowReloadAtMostOnceASecond() {
        server.answer("GET", PATH, 200, reportJson(1));
        report.showPicked(JAZZ);
        server.answer("GET", PATH, 200, reportJson(3));

        for (int i = 0; i < 10; i++) {
            report.applyAvailability(Availabilities.read(Fixtures.gaAvailability(2 + i, 3)));
        }
        time.advance(Duration.ofMillis(999));
        assertEquals(1, server.requests("GET", PATH).size(), "inside the second: no reload yet");

        time.advance(Duration.ofMillis(1));
        assertEquals(2, server.requests("GET", PATH).size(), "ten pushes, one reload");
        assertEquals(3, report.tiers().get(1).sold());

        time.advance(Duration.ofSeconds(3));
        report.applyAvailability(Availabilities.read(Fixtures.gaAvailability(20, 3)));
        assertEquals(3, server.requests("GET", PATH).size(), "a push after a quiet second reloads at once");
    }

    @Test
    void pushesForOtherShowsLeaveTheReportAlone() {
        server.answer("GET", PATH, 200, reportJson(1));
        report.showPicked(JAZZ);
        time.advance(Duration.ofSeconds(5));

        report.applyAvailability(Availabilities.read(Fixtures.seatedAvailability(9, "SOLD")));
        time.advance(Duration.ofSeconds(5));

        assertEquals(1, server.requests("GET", PATH).size());
    }

    @Test
    void aPushWhileAReloadIsRunningReloadsOnceMoreAfterIt() {
        List<Runnable> background = new ArrayList<>();
        ReportViewModel slow = new ReportViewModel(api, new TaskExecutor(background::add, Runnable::run), times,
                time);
        server.answer("GET", PATH, 200, reportJson(1));
        slow.showPicked(JAZZ);
        assertTrue(slow.busyProperty().get());

        slow.applyAvailability(Availabilities.read(Fixtures.gaAvailability(2, 3)));
        slow.applyAvailability(Availabilities.read(Fixtures.gaAvailability(3, 3)));
        time.advance(Duration.ofSeconds(2));
        assertEquals(1, background.size(), "one reload at a time");

        background.removeFirst().run();
        assertEquals(1, background.size(), "the pushes became one reload after it");
        background.removeFirst().run();
        assertEquals(2, server.requests("GET", PATH).size());
        assertFalse(slow.busyProperty().get());
    }

    @Test
    void anAnswerForAShowNoLongerPickedIsNotShown() {
        List<Runnable> background = new ArrayList<>();
        ReportViewModel slow = new ReportViewModel(api, new TaskExecutor(background::add, Runnable::run), times,
                time);
        server.answer("GET", PATH, 200, reportJson(1));
        server.answer("GET", "/api/admin/shows/31/report", 200, """
                {"showId":31,"tiers":[],"byChannel":{},"totalRevenueCents":0}""");
        slow.showPicked(JAZZ);

        slow.showPicked(GALA);
        background.removeFirst().run();
        assertEquals("–", slow.totalRevenueProperty().get(), "the Jazz figures never reach the Gala's report");

        background.removeFirst().run();
        assertEquals("$0.00", slow.totalRevenueProperty().get());
        assertEquals(1, server.requests("GET", "/api/admin/shows/31/report").size());
    }

    @Test
    void refreshReloadsAtOnceAndNoPickClearsTheReport() {
        server.answer("GET", PATH, 200, reportJson(1));
        report.showPicked(JAZZ);

        report.refresh();
        assertEquals(2, server.requests("GET", PATH).size(), "the administrator asked: no waiting");

        report.showPicked(null);
        report.refresh();
        assertEquals(2, server.requests("GET", PATH).size());
        assertFalse(report.loadedProperty().get());
        assertEquals(List.of(), report.tiers());
        assertEquals("Pick a show on the left.", report.headingProperty().get());
    }

    @Test
    void theReportIsExportedAsTheServersCsvUnderTheShowsName(@TempDir Path folder) throws Exception {
        server.answer("GET", PATH, 200, reportJson(1));
        server.answer("GET", PATH + ".csv", 200, "line,tierId\r\ntier,7\r\n");
        report.showPicked(JAZZ);
        List<String> said = new java.util.ArrayList<>();
        Path target = folder.resolve(report.csvName());

        report.exportCsv(target, said::add);

        assertEquals("show-21-report.csv", target.getFileName().toString());
        assertEquals("line,tierId\r\ntier,7\r\n", Files.readString(target));
        assertEquals(List.of("Exporting…", "Saved the report to show-21-report.csv."), said);
    }
}
