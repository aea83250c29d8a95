package dev.marquee.client.admin.waitlist;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.marquee.client.admin.shows.ShowRow;
import dev.marquee.client.admin.waitlist.WaitlistViewModel.EntryRow;
import dev.marquee.client.admin.waitlist.WaitlistViewModel.TierRow;
import dev.marquee.client.common.Availabilities;
import dev.marquee.client.common.FakeServer;
import dev.marquee.client.common.Fixtures;
import dev.marquee.client.common.ManualTime;
import dev.marquee.client.common.Tasks;
import dev.marquee.client.common.api.ServerApi;
import dev.marquee.client.common.format.ShowTimes;
import dev.marquee.model.catalog.SeatingMode;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WaitlistViewModelTest {

    private static final String PATH = "/api/admin/shows/21/waitlist";
    private static final ShowRow JAZZ = new ShowRow(21, 2, "Late Night Jazz", "Today, 20:30", "Riverside Hall",
            SeatingMode.GA, true);
    private static final String TWO_WAITING_ONE_OFFERED = """
            {"showId":21,"tiers":[
              {"tierId":7,"name":"Bar Table","waitingEntries":2,"waitingTickets":5,"offeredEntries":1},
              {"tierId":8,"name":"Standing","waitingEntries":0,"waitingTickets":0,"offeredEntries":0}],
             "entries":[
              {"id":"w-1","tierId":7,"email":"ana@example.org","quantity":2,"state":"OFFERED","position":0,
               "joinedAt":"2026-07-15T15:00:00Z","offer":{"holdId":"h-9","expiresAt":"2026-07-15T16:30:00Z"}},
              {"id":"w-2","tierId":7,"email":"ben@example.org","quantity":3,"state":"WAITING","position":1,
               "joinedAt":"2026-07-15T15:05:00Z"},
              {"id":"w-3","tierId":7,"email":"cy@example.org","quantity":2,"state":"WAITING","position":2,
               "joinedAt":"2026-07-15T15:10:00Z"}]}""";
    private static final String NOBODY = """
            {"showId":21,"tiers":[
              {"tierId":7,"name":"Bar Table","waitingEntries":0,"waitingTickets":0,"offeredEntries":0},
              {"tierId":8,"name":"Standing","waitingEntries":0,"waitingTickets":0,"offeredEntries":0}],
             "entries":[]}""";

    private final HttpClient http = ServerApi.newHttpClient();
    private final FakeServer server = FakeServer.start();
    private final ManualTime time = ManualTime.atNoon();
    private final WaitlistViewModel waitlist = new WaitlistViewModel(
            new ServerApi(http, server.uri()).withToken("tok-1"), Tasks.sameThread(),
            new ShowTimes(time, Locale.UK), time);

    @AfterEach
    void stop() {
        server.close();
        http.close();
    }

    @Test
    void eachTiersLengthAndTheEntriesInServingOrderAreShown() {
        server.answer("GET", PATH, 200, TWO_WAITING_ONE_OFFERED);

        waitlist.showPicked(JAZZ);

        assertEquals("Bearer tok-1", server.requests("GET", PATH).getFirst().authorization());
        assertEquals(List.of(new TierRow("Bar Table", "2", "5", "1"), new TierRow("Standing", "0", "0", "0")),
                waitlist.tiers());
        assertEquals(List.of(
                new EntryRow("Bar Table", "–", "ana@example.org", "2", "Offered", "until 12:30"),
                new EntryRow("Bar Table", "1", "ben@example.org", "3", "Waiting", ""),
                new EntryRow("Bar Table", "2", "cy@example.org", "2", "Waiting", "")), waitlist.entries());
        assertEquals("2 fans wait for 5 tickets · 1 offer out · updated 12:00", waitlist.summaryProperty().get());
        assertEquals("Late Night Jazz · Today, 20:30 · Riverside Hall", waitlist.headingProperty().get());
    }

    @Test
    void aPushForTheShowReadsTheListAgainAtMostOnceASecondAndRefreshReadsAtOnce() {
        server.answer("GET", PATH, 200, TWO_WAITING_ONE_OFFERED);
        waitlist.showPicked(JAZZ);
        server.answer("GET", PATH, 200, NOBODY);

        waitlist.applyAvailability(Availabilities.read(Fixtures.gaAvailability(2, 3)));
        waitlist.applyAvailability(Availabilities.read(Fixtures.gaAvailability(3, 3)));
        assertEquals(1, server.requests("GET", PATH).size(), "not sooner than a second after the last read");
        time.advance(Duration.ofSeconds(1));

        assertEquals(2, server.requests("GET", PATH).size(), "two pushes, one read");
        assertEquals(List.of(), waitlist.entries());
        assertEquals("Nobody waits · 0 offers out · updated 12:00", waitlist.summaryProperty().get());

        waitlist.applyAvailability(Availabilities.read(Fixtures.seatedAvailability(9, "SOLD")));
        time.advance(Duration.ofSeconds(5));
        assertEquals(2, server.requests("GET", PATH).size(), "another show's push reads nothing");

        waitlist.refresh();
        assertEquals(3, server.requests("GET", PATH).size());
    }

    @Test
    void aFailedReadIsSaidInTheContractsWords() {
        server.answer("GET", PATH, 404, """
                {"error":"NOT_FOUND","message":"There is no show 21.","details":{}}""");

        waitlist.showPicked(JAZZ);

        assertEquals("This show no longer exists. Refresh the show list (F5).", waitlist.errorMessageProperty().get());
        assertEquals(List.of(), waitlist.entries());
    }
}
