package dev.marquee.client.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerLight;
import dev.marquee.client.common.FakeServer;
import dev.marquee.client.common.Fixtures;
import dev.marquee.client.common.ManualTime;
import dev.marquee.client.common.Tasks;
import dev.marquee.client.common.ViewLoader;
import dev.marquee.client.common.api.ServerApi;
import dev.marquee.client.common.format.ShowTimes;
import dev.marquee.model.auth.Role;
import java.net.http.HttpClient;
import java.util.Locale;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The real fan screen, headless: hold, a declined card that keeps the hold, then paying, then My tickets. */
@ExtendWith(ApplicationExtension.class)
class FanBookingFlowTest {

    private static final String HOLD = """
            {"id":"h-1","showId":21,"status":"ACTIVE","expiresAt":"2026-07-15T16:10:00Z",
             "items":[{"tierId":8,"quantity":2,"unitPriceCents":2500}],"seats":[],"totalCents":5000}""";

    private final HttpClient http = ServerApi.newHttpClient();
    private final ManualTime time = ManualTime.atNoon();
    private final FakeServer server = FakeServer.start()
            .answer("GET", "/api/events", 200, Fixtures.EVENTS)
            .answer("GET", "/api/shows/21/availability", 200, Fixtures.gaAvailability(1, 3))
            .answer("GET", "/api/shows/11/availability", 200, Fixtures.seatedAvailability(1, "AVAILABLE"))
            .answer("GET", "/api/me/orders", 200, "[]")
            .answer("POST", "/api/holds", 201, HOLD)
            .answer("POST", "/api/holds/h-1/checkout", 402,
                    "{\"error\":\"PAYMENT_DECLINED\",\"message\":\"The card was declined.\"}");

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        FanBookingViewModel fan = new FanBookingViewModel(Fixtures.session(http, server.uri(), Role.FAN).api(),
                Tasks.sameThread(), new ShowTimes(time, Locale.UK), time, Fixtures.countingKeys(),
                Fixtures.countingKeys());
        stage.setScene(new Scene(ViewLoader.load(new FanBookingView(fan)), 1280, 800));
        fan.refresh();
        stage.show();
    }

    @AfterEach
    void stop() {
        server.close();
        http.close();
    }

    @Test
    void declinedCardKeepsTheHoldThenPayingShowsTheTickets(FxRobot robot) {
        Node standing = robot.lookup("#tierGrid .quantity").nth(1).query();
        robot.clickOn(standing).write("2");
        robot.press(KeyCode.CONTROL).press(KeyCode.H).release(KeyCode.H).release(KeyCode.CONTROL);
        assertEquals("10:00 left to pay", text(robot, ".countdown"));

        // The card field has the cursor once the hold is made; it holds the approving test card.
        robot.press(KeyCode.CONTROL).press(KeyCode.A).release(KeyCode.A).release(KeyCode.CONTROL);
        robot.write("4000 0000 0000 0002").type(KeyCode.ENTER);

        assertTrue(text(robot, ".message").startsWith("Your card was declined"), text(robot, ".message"));
        assertTrue(robot.lookup(".countdown").query().isVisible(), "the hold is still there");
        assertTrue(server.requests("POST", "/api/holds/h-1/checkout").getFirst().body()
                .contains("4000000000000002"));

        server.answer("POST", "/api/holds/h-1/checkout", 201, CheckoutViewModelTest.FAN_ORDER)
                .answer("GET", "/api/me/orders", 200, "[" + CheckoutViewModelTest.FAN_ORDER + "]");
        robot.press(KeyCode.CONTROL).press(KeyCode.A).release(KeyCode.A).release(KeyCode.CONTROL);
        robot.write("4242 4242 4242 4242").type(KeyCode.ENTER);

        assertEquals("You're going!", robot.lookup(".done .title-3").queryAs(Label.class).getText());
        robot.press(KeyCode.CONTROL).press(KeyCode.T).release(KeyCode.T).release(KeyCode.CONTROL);
        assertEquals(2, robot.lookup(".my-tickets-view .table-view").queryAs(TableView.class).getItems().size());
    }

    private static String text(FxRobot robot, String selector) {
        return robot.lookup(selector).queryAs(Label.class).getText();
    }
}
