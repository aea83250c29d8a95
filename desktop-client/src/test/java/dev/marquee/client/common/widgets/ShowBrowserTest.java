package dev.marquee.client.common.widgets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marquee.client.common.Availabilities;
import dev.marquee.client.common.FakeServer;
import dev.marquee.client.common.Fixtures;
import dev.marquee.client.common.Tasks;
import dev.marquee.client.common.api.ServerApi;
import dev.marquee.model.auth.Role;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ShowBrowserTest {

    private final HttpClient http = ServerApi.newHttpClient();
    private final FakeServer server = FakeServer.start();
    private final List<ShowEntry> picked = new ArrayList<>();
    private ShowBrowser browser;

    @BeforeEach
    void start() {
        server.answer("GET", "/api/events", 200, Fixtures.EVENTS)
                .answer("GET", "/api/shows/21/availability", 200, Fixtures.gaAvailability(3, 0))
                .answer("GET", "/api/shows/11/availability", 200, Fixtures.seatedAvailability(1, "AVAILABLE"));
        browser = new ShowBrowser(Fixtures.session(http, server.uri(), Role.CLERK).api(), Tasks.sameThread(),
                Fixtures.TIMES, picked::add);
    }

    @AfterEach
    void stop() {
        server.close();
        http.close();
    }

    @Test
    void todaysShowComesFirstAndEarlierDaysAreLeftOut() {
        browser.refresh();

        assertEquals(List.of(21L, 11L, 31L), browser.shows().stream().map(ShowEntry::showId).toList());
        assertEquals("Today, 20:30", browser.shows().getFirst().startsAtText());
        assertEquals("Sat 25 Jul 2026, 19:30", browser.shows().get(1).startsAtText());
    }

    @Test
    void firstShowIsPickedSoTheCounterCanSellAtOnce() {
        browser.refresh();

        assertEquals(21L, browser.selectedProperty().get().showId());
        assertEquals(List.of(21L), picked.stream().map(ShowEntry::showId).toList());
    }

    @Test
    void eachShowSaysWhatIsLeft() {
        browser.refresh();

        assertEquals(List.of("300 left", "2 left", "Not on sale"),
                browser.shows().stream().map(entry -> entry.stockProperty().get()).toList());
        assertTrue(server.requests("GET", "/api/shows/31/availability").isEmpty(), "not on sale: not asked");
    }

    @Test
    void searchMatchesEveryWordInTitleVenueOrDate() {
        browser.refresh();

        browser.searchProperty().set("grand jul");
        assertEquals(List.of(11L), browser.shows().stream().map(ShowEntry::showId).toList());

        browser.searchProperty().set("TODAY");
        assertEquals(List.of(21L), browser.shows().stream().map(ShowEntry::showId).toList());
    }

    @Test
    void refreshKeepsThePickedShow() {
        browser.refresh();
        browser.select(browser.shows().get(1));

        browser.refresh();

        assertEquals(11L, browser.selectedProperty().get().showId());
        assertEquals(List.of(21L, 11L), picked.stream().map(ShowEntry::showId).toList());
    }

    @Test
    void livePushUpdatesTheBadgeAndAnOlderOneDoesNot() {
        browser.refresh();

        browser.applyAvailability(Availabilities.read(Fixtures.gaAvailability(9, 0).replace("\"available\":300",
                "\"available\":0")));
        assertEquals("Sold out", browser.shows().getFirst().stockProperty().get());

        browser.applyAvailability(Availabilities.read(Fixtures.gaAvailability(8, 3)));
        assertEquals("Sold out", browser.shows().getFirst().stockProperty().get());
    }
}
