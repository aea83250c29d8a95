package dev.marquee.client.admin.setup;

import static dev.marquee.client.admin.setup.SetupJson.assertNothingCreated;
import static dev.marquee.client.admin.setup.SetupJson.assertSentOnce;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.marquee.client.admin.shows.ShowRow;
import dev.marquee.client.common.FakeServer;
import dev.marquee.client.common.Fixtures;
import dev.marquee.client.common.Tasks;
import dev.marquee.client.common.api.ServerApi;
import dev.marquee.model.catalog.SeatingMode;
import java.net.http.HttpClient;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SetupViewModelTest {

    private final HttpClient http = ServerApi.newHttpClient();
    private final FakeServer server = FakeServer.start()
            .answer("GET", "/api/admin/venues", 200, SetupJson.VENUES)
            .answer("GET", "/api/events", 200, SetupJson.EVENTS);
    private final AtomicInteger catalogChanges = new AtomicInteger();
    // Fixtures.TIMES: noon on 15 July 2026 in New York.
    private final SetupViewModel setup = new SetupViewModel(new ServerApi(http, server.uri()).withToken("tok-1"),
            Tasks.sameThread(), Fixtures.TIMES, catalogChanges::incrementAndGet);

    @AfterEach
    void stop() {
        server.close();
        http.close();
    }

    @Test
    void listsEveryVenueWithSectionsReadFromItsSeatsAndEveryEventByTitle() {
        setup.refresh();

        assertEquals(List.of(
                new VenueEntry(1, "Riverside Hall", 1500, 0, "Standing only, no seat map"),
                new VenueEntry(2, "The Grand Theatre", 6, 6, "Orchestra 2 × 2, Balcony 1 × 2")), setup.venues());
        assertEquals(List.of("Announced Soon (no shows yet)", "brass Parade (1 show)", "Night Owls (2 shows)"),
                setup.events().stream().map(EventEntry::choiceText).toList());
        assertEquals("Riverside Hall (standing, 1,500)", setup.venues().getFirst().choiceText());
        assertFalse(setup.busyProperty().get());
    }

    @Test
    void listsThatCannotBeLoadedSaySoInPlace() {
        server.answer("GET", "/api/admin/venues", 403,
                "{\"error\":\"FORBIDDEN\",\"message\":\"Only an administrator may see venues.\"}");

        setup.refresh();

        assertEquals("Only an administrator may see venues.", setup.errorMessageProperty().get());
        assertEquals(List.of(), setup.venues());
        assertFalse(setup.busyProperty().get());
    }

    @Test
    void aNewVenueIsSentWithItsSectionsThenListedAndChosenForTheNextShow() {
        setup.refresh();
        VenueFormViewModel form = setup.venueForm();
        form.nameProperty().set("  Harbour Hall ");
        type(form.sections().getFirst(), "Stalls", "10", "20");
        type(form.addSection(), "Balcony", "4", "20");
        assertEquals("2 sections, 280 seats", form.summaryProperty().get());
        server.answer("POST", "/api/admin/venues", 201, SetupJson.HARBOUR_HALL);

        form.create();

        assertSentOnce(server, "POST", "/api/admin/venues", """
                {"name":"Harbour Hall","sections":[{"name":"Stalls","rows":10,"seatsPerRow":20},
                                                   {"name":"Balcony","rows":4,"seatsPerRow":20}]}""");
        assertEquals("Created venue Harbour Hall: 2 sections, 280 seats.", form.doneMessageProperty().get());
        assertEquals("", form.nameProperty().get());
        assertEquals(1, form.sections().size());
        assertEquals("", form.sections().getFirst().nameProperty().get());
        assertEquals("", form.nameProblemProperty().get(), "the cleared form is not marked");
        assertEquals(new VenueEntry(7, "Harbour Hall", 2, 2, "Stalls 1 × 2"), setup.venues().getLast());
        assertEquals(7, setup.showForm().venueProperty().get().id());
        assertEquals(0, catalogChanges.get(), "a venue without shows is not in the catalog");
    }

    @Test
    void aNewEventIsSentThenChosenForTheNextShowAndTheShowListReloads() {
        setup.refresh();
        EventFormViewModel form = setup.eventForm();
        form.titleProperty().set(" Midsummer Sessions ");
        form.descriptionProperty().set("Acoustic sets\n");
        server.answer("POST", "/api/admin/events", 201, SetupJson.NEW_EVENT);

        form.create();

        assertSentOnce(server, "POST", "/api/admin/events",
                "{\"title\":\"Midsummer Sessions\",\"description\":\"Acoustic sets\"}");
        assertEquals("Created event Midsummer Sessions: it is chosen below for its first show.",
                form.doneMessageProperty().get());
        assertEquals("", form.titleProperty().get());
        assertEquals("", form.descriptionProperty().get());
        assertEquals(List.of("Announced Soon", "brass Parade", "Midsummer Sessions", "Night Owls"),
                setup.events().stream().map(EventEntry::title).toList());
        assertEquals(9, setup.showForm().eventProperty().get().id());
        assertEquals(1, catalogChanges.get());
    }

    @Test
    void aNewShowStartsAtTheTypedTimeInTheUsersZoneAndTheShowListReloads() {
        setup.refresh();
        ShowFormViewModel form = setup.showForm();
        form.chooseEvent(1L);
        form.chooseVenue(2L);
        form.dateProperty().set(LocalDate.of(2026, 8, 1));
        form.timeProperty().set("19:30");
        form.seatingProperty().set(SeatingMode.SEATED);
        server.answer("POST", "/api/admin/events/1/shows", 201, SetupJson.NEW_SHOW);

        form.create();

        // 19:30 in New York in summer (UTC-4) is 23:30 UTC; on sale stays off unless ticked.
        assertSentOnce(server, "POST", "/api/admin/events/1/shows",
                "{\"venueId\":2,\"startsAt\":\"2026-08-01T23:30:00Z\",\"seatingMode\":\"SEATED\",\"onSale\":false}");
        assertEquals("Created show Night Owls, Sat 1 Aug 2026, 19:30 at The Grand Theatre (not on sale yet): "
                + "add its tiers in Tiers & sale.", form.doneMessageProperty().get());
        assertNull(form.dateProperty().get());
        assertEquals("", form.timeProperty().get());
        assertEquals(SeatingMode.GA, form.seatingProperty().get());
        assertEquals("Night Owls (3 shows)", form.eventProperty().get().choiceText(), "the event stays chosen");
        assertEquals(1, catalogChanges.get());
    }

    @Test
    void thePickedShowsEventIsTheDefaultForANewShowEvenBeforeTheListsArrive() {
        setup.showPicked(new ShowRow(21, 2, "brass Parade", "Fri 10 Jul 2026, 14:00", "Riverside Hall",
                SeatingMode.GA, true));
        assertNull(setup.showForm().eventProperty().get());

        setup.refresh();
        assertEquals(2, setup.showForm().eventProperty().get().id());

        setup.showPicked(new ShowRow(11, 1, "Night Owls", "Wed 15 Jul 2026, 21:30", "The Grand Theatre",
                SeatingMode.SEATED, true));
        assertEquals(1, setup.showForm().eventProperty().get().id());
    }

    @Test
    void aVenueTheServerRefusesKeepsWhatWasTypedAndSaysWhyInPlace() {
        VenueFormViewModel form = setup.venueForm();
        form.nameProperty().set("Harbour Hall");
        type(form.sections().getFirst(), "Stalls", "10", "20");
        server.answer("POST", "/api/admin/venues", 400,
                SetupJson.validationFailed("Field 'sections[0].name' must not contain the NUL character."));

        form.create();

        assertEquals("Field 'sections[0].name' must not contain the NUL character.", form.errorMessageProperty().get());
        assertEquals("Harbour Hall", form.nameProperty().get());
        assertEquals("", form.doneMessageProperty().get());
        assertFalse(form.busyProperty().get());
        assertEquals(0, catalogChanges.get());
    }

    @Test
    void aShowForAnEventThatIsGoneSaysSoAndDoesNotReloadTheShowList() {
        setup.refresh();
        ShowFormViewModel form = setup.showForm();
        form.chooseEvent(3L);
        form.chooseVenue(1L);
        form.dateProperty().set(LocalDate.of(2026, 9, 1));
        form.timeProperty().set("20:00");
        server.answer("POST", "/api/admin/events/3/shows", 404,
                "{\"error\":\"NOT_FOUND\",\"message\":\"There is no event 3.\"}");

        form.create();

        assertEquals("There is no event 3.", form.errorMessageProperty().get());
        assertEquals("20:00", form.timeProperty().get());
        assertEquals(0, catalogChanges.get());
    }

    @Test
    void nothingIsSentWhileAFormHasProblems() {
        setup.refresh();

        setup.venueForm().create();
        setup.eventForm().create();
        setup.showForm().create();

        assertNothingCreated(server);
        assertEquals("Give the venue a name.", setup.venueForm().problemProperty().get());
        assertEquals("Give the event a title.", setup.eventForm().problemProperty().get());
        assertEquals("Choose the event this is a show of.", setup.showForm().problemProperty().get());
        assertEquals(0, catalogChanges.get());
    }

    static void type(SectionLine line, String name, String rows, String seatsPerRow) {
        line.nameProperty().set(name);
        line.rowsProperty().set(rows);
        line.seatsPerRowProperty().set(seatsPerRow);
    }
}
