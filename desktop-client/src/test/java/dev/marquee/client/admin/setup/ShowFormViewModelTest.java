package dev.marquee.client.admin.setup;

import static dev.marquee.client.admin.setup.SetupJson.assertNothingCreated;
import static dev.marquee.client.admin.setup.SetupJson.assertSentOnce;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.marquee.client.common.FakeServer;
import dev.marquee.client.common.Fixtures;
import dev.marquee.client.common.Tasks;
import dev.marquee.client.common.api.ServerApi;
import dev.marquee.model.catalog.SeatingMode;
import dev.marquee.model.catalog.ShowDetail;
import java.net.http.HttpClient;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ShowFormViewModelTest {

    private static final String SHOWS = "/api/admin/events/1/shows";

    private final HttpClient http = ServerApi.newHttpClient();
    private final FakeServer server = FakeServer.start().answer("POST", SHOWS, 201, SetupJson.NEW_SHOW);
    private final ObservableList<EventEntry> events = FXCollections.observableArrayList(
            new EventEntry(1, "Night Owls", 2));
    private final ObservableList<VenueEntry> venues = FXCollections.observableArrayList(
            new VenueEntry(1, "Riverside Hall", 1500, 0, "Standing only, no seat map"),
            new VenueEntry(2, "The Grand Theatre", 6, 6, "Orchestra 2 × 2, Balcony 1 × 2"));
    private final List<ShowDetail> created = new ArrayList<>();
    // Fixtures.TIMES: noon on 15 July 2026 in New York.
    private final ShowFormViewModel form = new ShowFormViewModel(new ServerApi(http, server.uri()).withToken("t"),
            Tasks.sameThread(), Fixtures.TIMES, events, venues, created::add);

    @AfterEach
    void stop() {
        server.close();
        http.close();
    }

    @Test
    void everyBlankFieldIsMarkedOnceACreateIsTriedAndNothingIsSent() {
        assertEquals("", form.problemProperty().get());

        form.create();

        assertEquals("Choose the event this is a show of.", form.eventProblemProperty().get());
        assertEquals("Choose the venue.", form.venueProblemProperty().get());
        assertEquals("Choose the date.", form.dateProblemProperty().get());
        assertEquals("Type the start time, for example 19:30.", form.timeProblemProperty().get());
        assertNothingCreated(server);
    }

    @Test
    void theTimeIsHoursAndMinutes() {
        for (String time : List.of("7pm", "24:00", "19:60", "1930", "19:3", "19.30")) {
            form.timeProperty().set(time);
            assertEquals("Type the time as HH:mm, for example 19:30.", form.timeProblemProperty().get(), time);
        }
        fillIn(LocalDate.of(2026, 8, 1), " 7:05 ");
        assertEquals("", form.timeProblemProperty().get());

        form.create();

        assertSentOnce(server, "POST", SHOWS,
                "{\"venueId\":2,\"startsAt\":\"2026-08-01T11:05:00Z\",\"seatingMode\":\"GA\",\"onSale\":false}");
    }

    @Test
    void inWinterTheUsersZoneIsFiveHoursBehindSoTheInstantIsTheNextDay() {
        fillIn(LocalDate.of(2026, 12, 1), "19:30");
        form.onSaleProperty().set(true);

        form.create();

        assertSentOnce(server, "POST", SHOWS,
                "{\"venueId\":2,\"startsAt\":\"2026-12-02T00:30:00Z\",\"seatingMode\":\"GA\",\"onSale\":true}");
    }

    @Test
    void aStartThatHasPassedIsWarnedOfButStillSentAsTheServerTakesIt() {
        fillIn(LocalDate.of(2026, 7, 15), "11:59");

        assertEquals("That time has passed already; the show will be created all the same.",
                form.whenWarningProperty().get());
        assertEquals("", form.problemProperty().get());
        form.create();

        assertEquals(1, server.requests("POST", SHOWS).size());
        assertEquals(1, created.size());
    }

    @Test
    void aSeatedShowNeedsAVenueWithASeatMap() {
        fillIn(LocalDate.of(2026, 8, 1), "19:30");
        form.chooseVenue(1L);
        form.seatingProperty().set(SeatingMode.SEATED);

        assertEquals("Riverside Hall has no seat map: choose general admission, or a venue with seats.",
                form.venueProblemProperty().get());
        form.create();
        assertNothingCreated(server);

        form.seatingProperty().set(SeatingMode.GA);
        assertEquals("", form.problemProperty().get());
    }

    @Test
    void aReloadedListKeepsTheChoiceByIdAndDropsOneThatIsGone() {
        form.chooseEvent(1L);
        form.chooseVenue(2L);

        events.setAll(new EventEntry(1, "Night Owls", 3));
        venues.setAll(venues.getFirst());

        assertEquals(new EventEntry(1, "Night Owls", 3), form.eventProperty().get());
        assertEquals(null, form.venueProperty().get());
    }

    private void fillIn(LocalDate date, String time) {
        form.chooseEvent(1L);
        form.chooseVenue(2L);
        form.dateProperty().set(date);
        form.timeProperty().set(time);
    }
}
