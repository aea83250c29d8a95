package dev.marquee.client.admin.setup;

import static dev.marquee.client.admin.setup.SetupJson.assertNothingCreated;
import static dev.marquee.client.admin.setup.SetupJson.assertSentOnce;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.marquee.client.common.FakeServer;
import dev.marquee.client.common.Tasks;
import dev.marquee.client.common.api.ServerApi;
import dev.marquee.model.catalog.EventSummary;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EventFormViewModelTest {

    private final HttpClient http = ServerApi.newHttpClient();
    private final FakeServer server = FakeServer.start();
    private final List<EventSummary> created = new ArrayList<>();
    private final EventFormViewModel form = new EventFormViewModel(new ServerApi(http, server.uri()).withToken("t"),
            Tasks.sameThread(), created::add);

    @AfterEach
    void stop() {
        server.close();
        http.close();
    }

    @Test
    void aTitleIsRequiredButMarkedOnlyOnceACreateIsTried() {
        form.titleProperty().set("   ");
        assertEquals("", form.titleProblemProperty().get());

        form.create();

        assertEquals("Give the event a title.", form.titleProblemProperty().get());
        assertNothingCreated(server);
        form.titleProperty().set("Night Owls");
        assertEquals("", form.problemProperty().get());
    }

    @Test
    void titleAndDescriptionAreKeptToTheServersLengths() {
        form.titleProperty().set("t".repeat(201));
        assertEquals("A title has at most 200 characters.", form.problemProperty().get());
        form.titleProperty().set("t".repeat(200));
        form.descriptionProperty().set("d".repeat(5_001));
        assertEquals("A description has at most 5,000 characters.", form.problemProperty().get());

        form.create();

        assertNothingCreated(server);
    }

    @Test
    void anEventWithoutADescriptionIsSentWithAnEmptyOneAndReported() {
        form.titleProperty().set("Midsummer Sessions");
        server.answer("POST", "/api/admin/events", 201, SetupJson.NEW_EVENT);

        form.create();

        assertSentOnce(server, "POST", "/api/admin/events", "{\"title\":\"Midsummer Sessions\",\"description\":\"\"}");
        assertEquals(List.of(9L), created.stream().map(EventSummary::id).toList());
    }

    @Test
    void aRefusedEventShowsTheServersSentence() {
        form.titleProperty().set("Midsummer Sessions");
        server.answer("POST", "/api/admin/events", 400,
                SetupJson.validationFailed("Field 'title' must not contain the NUL character."));

        form.create();

        assertEquals("Field 'title' must not contain the NUL character.", form.errorMessageProperty().get());
        assertEquals("Midsummer Sessions", form.titleProperty().get());
        assertEquals(List.of(), created);
    }
}
