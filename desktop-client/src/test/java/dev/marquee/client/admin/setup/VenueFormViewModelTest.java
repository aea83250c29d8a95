package dev.marquee.client.admin.setup;

import static dev.marquee.client.admin.setup.SetupJson.assertNothingCreated;
import static dev.marquee.client.admin.setup.SetupViewModelTest.type;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.marquee.client.common.FakeServer;
import dev.marquee.client.common.Tasks;
import dev.marquee.client.common.api.ServerApi;
import dev.marquee.model.admin.VenueView;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class VenueFormViewModelTest {

    private final HttpClient http = ServerApi.newHttpClient();
    private final FakeServer server = FakeServer.start();
    private final List<VenueView> created = new ArrayList<>();
    private final VenueFormViewModel form = new VenueFormViewModel(new ServerApi(http, server.uri()).withToken("t"),
            Tasks.sameThread(), created::add);

    @AfterEach
    void stop() {
        server.close();
        http.close();
    }

    @Test
    void theCapacityFollowsWhatIsTyped() {
        assertEquals("1 section, 0 seats", form.summaryProperty().get());
        SectionLine stalls = form.sections().getFirst();
        type(stalls, "Stalls", "10", "20");
        assertEquals("1 section, 200 seats", form.summaryProperty().get());

        SectionLine balcony = form.addSection();
        assertEquals("2 sections, 200 seats", form.summaryProperty().get());
        type(balcony, "Balcony", "4", "20");
        assertEquals("2 sections, 280 seats", form.summaryProperty().get());

        form.removeSection(stalls);
        assertEquals("1 section, 80 seats", form.summaryProperty().get());
    }

    @Test
    void aFreshFormIsNotMarkedButABlankCreateIsAndSendsNothing() {
        SectionLine line = form.sections().getFirst();
        assertEquals("", form.nameProblemProperty().get());
        assertEquals("", line.rowsProblemProperty().get());
        assertEquals("", form.problemProperty().get());

        form.create();

        assertEquals("Give the venue a name.", form.nameProblemProperty().get());
        assertEquals("Give the section a name.", line.nameProblemProperty().get());
        assertEquals("Type the number of rows (1 to 100).", line.rowsProblemProperty().get());
        assertEquals("Type the seats per row (1 to 200).", line.seatsPerRowProblemProperty().get());
        assertEquals("Give the venue a name.", form.problemProperty().get());
        assertNothingCreated(server);
        assertEquals(List.of(), created);
    }

    @Test
    void rowsAndSeatsPerRowAreWholeNumbersWithinTheServersLimits() {
        SectionLine line = form.sections().getFirst();
        for (String rows : List.of("0", "101", "1.5", "ten", "-3", "99999")) {
            line.rowsProperty().set(rows);
            assertEquals("The number of rows must be a whole number from 1 to 100.", line.rowsProblemProperty().get(),
                    rows);
        }
        line.rowsProperty().set(" 100 ");
        assertEquals("", line.rowsProblemProperty().get());

        line.seatsPerRowProperty().set("201");
        assertEquals("The seats per row must be a whole number from 1 to 200.", line.seatsPerRowProblemProperty().get());
        assertEquals("The seats per row must be a whole number from 1 to 200.", form.problemProperty().get());
        line.seatsPerRowProperty().set("200");
        assertEquals("", line.seatsPerRowProblemProperty().get());
        assertEquals("1 section, 20,000 seats", form.summaryProperty().get());
    }

    @Test
    void twoSectionsMayNotShareANameWhateverTheLetterCase() {
        form.nameProperty().set("Harbour Hall");
        type(form.sections().getFirst(), "Balcony", "2", "10");
        SectionLine second = form.addSection();
        type(second, " balcony", "2", "10");

        assertEquals("Two sections are called balcony; give each its own name.", second.nameProblemProperty().get());

        form.create();
        assertNothingCreated(server);
        second.nameProperty().set("Gallery");
        assertEquals("", second.nameProblemProperty().get());
        assertEquals("", form.sections().getFirst().nameProblemProperty().get());
    }

    @Test
    void aVenueOfMoreThanTwentyThousandSeatsIsNotSent() {
        form.nameProperty().set("Stadium");
        type(form.sections().getFirst(), "North", "100", "200");
        type(form.addSection(), "South", "1", "1");

        form.create();

        assertEquals("A venue holds at most 20,000 seats; these sections add up to 20,001 seats.",
                form.problemProperty().get());
        assertNothingCreated(server);
    }

    @Test
    void aVenueNeedsASectionAndANameOfAtMostTwoHundredCharacters() {
        form.nameProperty().set("x".repeat(201));
        assertEquals("A venue name has at most 200 characters.", form.nameProblemProperty().get());
        form.nameProperty().set("x".repeat(200));
        assertEquals("", form.nameProblemProperty().get());

        form.removeSection(form.sections().getFirst());
        assertEquals("0 sections, 0 seats", form.summaryProperty().get());
        assertEquals("Add at least one section.", form.problemProperty().get());
        form.create();
        assertNothingCreated(server);
    }
}
