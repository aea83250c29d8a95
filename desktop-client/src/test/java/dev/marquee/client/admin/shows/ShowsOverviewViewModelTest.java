package dev.marquee.client.admin.shows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marquee.client.common.FakeServer;
import dev.marquee.client.common.TaskExecutor;
import dev.marquee.client.common.Tasks;
import dev.marquee.client.common.api.ServerApi;
import dev.marquee.model.catalog.SeatingMode;
import java.net.http.HttpClient;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ShowsOverviewViewModelTest {

    // Two events whose shows interleave in time, so the list order proves the sort.
    private static final String EVENTS = """
            [{"id":1,"title":"Night Owls","description":"Indie rock","shows":[
                {"id":11,"startsAt":"2026-07-16T01:30:00Z","venueName":"Harbour Hall","seatingMode":"SEATED","onSale":true},
                {"id":12,"startsAt":"2026-08-01T19:00:00Z","venueName":"Harbour Hall","seatingMode":"SEATED","onSale":false}]},
             {"id":2,"title":"Brass Parade","description":"Street band","shows":[
                {"id":21,"startsAt":"2026-07-10T18:00:00Z","venueName":"The Yard","seatingMode":"GA","onSale":true}]},
             {"id":3,"title":"Announced Soon","description":"","shows":[]}]""";

    private final HttpClient http = ServerApi.newHttpClient();
    private final FakeServer server = FakeServer.start();
    private final ShowsOverviewViewModel overview = new ShowsOverviewViewModel(
            new ServerApi(http, server.uri()).withToken("tok-1"), Tasks.sameThread(), ZoneId.of("America/New_York"),
            Locale.UK);

    @AfterEach
    void stop() {
        server.close();
        http.close();
    }

    @Test
    void listsEveryShowSoonestFirstInLocalTime() {
        server.answer("GET", "/api/events", 200, EVENTS);

        overview.refresh();

        assertEquals(List.of(
                new ShowRow(21, 2, "Brass Parade", "Fri 10 Jul 2026, 14:00", "The Yard", SeatingMode.GA, true),
                new ShowRow(11, 1, "Night Owls", "Wed 15 Jul 2026, 21:30", "Harbour Hall", SeatingMode.SEATED, true),
                new ShowRow(12, 1, "Night Owls", "Sat 1 Aug 2026, 15:00", "Harbour Hall", SeatingMode.SEATED, false)),
                overview.shows());
        assertEquals(List.of(21L, 11L, 12L), overview.showIdsProperty().get());
        assertFalse(overview.busyProperty().get());
    }

    @Test
    void failedLoadShowsTheServersSentenceAndKeepsTheLastList() {
        server.answer("GET", "/api/events", 200, EVENTS);
        overview.refresh();

        server.answer("GET", "/api/events", 503,
                "{\"error\":\"SERVICE_UNAVAILABLE\",\"message\":\"The database is not answering; try again soon.\"}");
        overview.refresh();

        assertEquals("The database is not answering; try again soon.", overview.errorMessageProperty().get());
        assertEquals(3, overview.shows().size());
    }

    @Test
    void aReloadAskedForWhileOneIsUnderWayReadsOnceMoreAfterIt() {
        Queue<Runnable> calls = new ArrayDeque<>();
        ShowsOverviewViewModel slow = new ShowsOverviewViewModel(new ServerApi(http, server.uri()).withToken("tok-1"),
                new TaskExecutor(calls::add, Runnable::run), ZoneId.of("America/New_York"), Locale.UK);
        server.answer("GET", "/api/events", 200, EVENTS);
        slow.refresh();
        slow.refresh();
        slow.refresh();
        assertEquals(1, calls.size(), "one read at a time");

        calls.remove().run();
        assertEquals(1, calls.size(), "the asks made meanwhile read once more");
        calls.remove().run();

        assertTrue(calls.isEmpty());
        assertEquals(2, server.requests("GET", "/api/events").size());
    }

    @Test
    void theFirstShowIsPickedAndAPickSurvivesAReload() {
        server.answer("GET", "/api/events", 200, EVENTS);
        overview.refresh();
        assertEquals(21, overview.pickedProperty().get().showId());

        overview.pick(overview.shows().get(2));
        server.answer("GET", "/api/events", 200, EVENTS.replace("\"onSale\":false", "\"onSale\":true"));
        overview.refresh();

        assertEquals(12, overview.pickedProperty().get().showId());
        assertEquals("On sale", overview.pickedProperty().get().sale(), "the picked line is the fresh one");
    }
}
