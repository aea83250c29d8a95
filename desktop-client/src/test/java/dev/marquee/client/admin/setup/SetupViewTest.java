package dev.marquee.client.admin.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerLight;
import dev.marquee.client.common.FakeServer;
import dev.marquee.client.common.Fixtures;
import dev.marquee.client.common.Tasks;
import dev.marquee.client.common.ViewLoader;
import dev.marquee.client.common.api.ServerApi;
import java.net.http.HttpClient;
import java.time.LocalDate;
import java.util.List;
import javafx.application.Application;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.controlsfx.control.decoration.Decorator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real set-up screen, headless, from the keyboard. Calls run on the FX thread here (a same-thread executor). */
@ExtendWith(ApplicationExtension.class)
class SetupViewTest {

    private final HttpClient http = ServerApi.newHttpClient();
    private final FakeServer server = FakeServer.start()
            .answer("GET", "/api/admin/venues", 200, SetupJson.VENUES)
            .answer("GET", "/api/events", 200, SetupJson.EVENTS)
            .answer("POST", "/api/admin/events", 201, SetupJson.NEW_EVENT)
            .answer("POST", "/api/admin/events/1/shows", 201, SetupJson.NEW_SHOW);
    private SetupViewModel setup;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        setup = new SetupViewModel(new ServerApi(http, server.uri()).withToken("tok-1"), Tasks.sameThread(),
                Fixtures.TIMES, () -> { });
        stage.setScene(new Scene(ViewLoader.load(new SetupView(setup)), 900, 800));
        stage.show();
    }

    @AfterEach
    void stop() {
        server.close();
        http.close();
    }

    @Test
    void everyShortcutIsWrittenOnItsButton(FxRobot robot) {
        for (String text : List.of("Create venue (Ctrl+Shift+V)", "Create event (Ctrl+Shift+E)",
                "Create show (Ctrl+Shift+N)", "Add section (Ctrl+Shift+A)", "Remove (Ctrl+Shift+D)",
                "Reload venues and events (Ctrl+Shift+R)")) {
            assertTrue(robot.lookup(node -> node instanceof Labeled labeled && text.equals(labeled.getText()))
                    .tryQuery().isPresent(), text);
        }
        assertEquals(2, robot.lookup("#venueTable").queryTableView().getItems().size());
    }

    @Test
    void anEventTypedAndCreatedFromTheKeyboard(FxRobot robot) {
        robot.clickOn("#eventTitleField").write("Midsummer Sessions");
        shortcut(robot, KeyCode.E);

        assertEquals(1, server.requests("POST", "/api/admin/events").size());
        assertEquals("Created event Midsummer Sessions: it is chosen below for its first show.",
                robot.lookup("#eventDone").queryAs(Label.class).getText());
        assertEquals(new EventEntry(9, "Midsummer Sessions", 0),
                robot.lookup("#showEventBox").queryAs(ComboBox.class).getValue(), "chosen for the next show");
    }

    @Test
    void aBlankVenueIsMarkedOnItsFieldsAndNotSent(FxRobot robot) {
        TextField name = robot.lookup("#venueNameField").queryAs(TextField.class);
        robot.clickOn(name);
        WaitForAsyncUtils.waitForFxEvents();
        int before = Decorator.getDecorations(name) == null ? 0 : Decorator.getDecorations(name).size();

        shortcut(robot, KeyCode.V);
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(List.of(), server.requests("POST", "/api/admin/venues"));
        assertEquals("Give the venue a name.", robot.lookup("#venueProblem").queryAs(Label.class).getText());
        assertEquals(before + 1, Decorator.getDecorations(name).size(), "the error mark joins the required mark");
    }

    @Test
    void sectionLinesComeAndGoFromTheKeyboard(FxRobot robot) {
        robot.clickOn("#venueNameField");
        shortcut(robot, KeyCode.A);
        assertEquals(2, setup.venueForm().sections().size());
        robot.write("Balcony");
        assertEquals("Balcony", setup.venueForm().sections().getLast().nameProperty().get(), "the cursor moved in");

        shortcut(robot, KeyCode.D);

        assertEquals(1, setup.venueForm().sections().size());
        assertEquals("", setup.venueForm().sections().getFirst().nameProperty().get());
    }

    @Test
    void aDateTypedIntoThePickerCountsEvenWhenTheShortcutFollowsAtOnce(FxRobot robot) {
        DatePicker date = robot.lookup("#showDatePicker").queryAs(DatePicker.class);
        robot.interact(() -> {
            setup.showForm().chooseEvent(1L);
            setup.showForm().chooseVenue(2L);
        });
        robot.interact(() -> robot.lookup("#showTimeField").query().requestFocus());
        robot.write("19:30");
        robot.press(KeyCode.SHIFT).type(KeyCode.TAB).release(KeyCode.SHIFT); // back to the date
        assertTrue(date.isFocused(), "the date holds the cursor");
        robot.write(date.getConverter().toString(LocalDate.of(2026, 8, 1)));

        shortcut(robot, KeyCode.N);

        SetupJson.assertSentOnce(server, "POST", "/api/admin/events/1/shows",
                "{\"venueId\":2,\"startsAt\":\"2026-08-01T23:30:00Z\",\"seatingMode\":\"GA\",\"onSale\":false}");
        assertEquals(new EventEntry(1, "Night Owls", 3), robot.lookup("#showEventBox").queryAs(ComboBox.class).getValue(),
                "the event stays chosen, with its new show counted");
        assertEquals(null, date.getValue(), "the date is cleared for the next show");
    }

    @Test
    void theFieldWithTheCursorIsScrolledIntoSight(FxRobot robot) {
        ScrollPane pane = robot.lookup(".setup-view").queryAs(ScrollPane.class);
        Node time = robot.lookup("#showTimeField").query();
        assertFalse(inSight(pane, time), "the new show's time starts out of sight");

        robot.interact(time::requestFocus);
        WaitForAsyncUtils.waitForFxEvents();

        assertTrue(inSight(pane, time), "scrolled to the new show's time");
    }

    private static boolean inSight(ScrollPane pane, Node node) {
        Bounds view = pane.localToScene(pane.getLayoutBounds());
        Bounds field = node.localToScene(node.getLayoutBounds());
        return field.getMinY() >= view.getMinY() && field.getMaxY() <= view.getMaxY();
    }

    private static void shortcut(FxRobot robot, KeyCode key) {
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).press(key).release(key).release(KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
