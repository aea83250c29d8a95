package dev.marquee.client.boxoffice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerLight;
import dev.marquee.client.common.FakeServer;
import dev.marquee.client.common.Fixtures;
import dev.marquee.client.common.Tasks;
import dev.marquee.client.common.ViewLoader;
import dev.marquee.client.common.api.ServerApi;
import dev.marquee.client.common.printing.Printout;
import dev.marquee.model.Json;
import dev.marquee.model.auth.Role;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The real box office screen driven from the keyboard, headless. Calls run on the FX thread here (a same-thread
 * executor), so each key press has had its full effect when the robot returns.
 */
@ExtendWith(ApplicationExtension.class)
class BoxOfficeKeyboardTest {

    private final HttpClient http = ServerApi.newHttpClient();
    private final FakeServer server = FakeServer.start()
            .answer("GET", "/api/events", 200, Fixtures.EVENTS)
            .answer("GET", "/api/shows/21/availability", 200, Fixtures.gaAvailability(1, 3))
            .answer("GET", "/api/shows/11/availability", 200, Fixtures.seatedAvailability(1, "AVAILABLE"))
            .answer("GET", "/api/shifts/current", 404, "{\"error\":\"NOT_FOUND\",\"message\":\"None.\"}")
            .answer("POST", "/api/sales", 201, Fixtures.CASH_ORDER);

    private final Path printouts = createTempFolder();

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        BoxOfficeViewModel boxOffice = new BoxOfficeViewModel(Fixtures.session(http, server.uri(), Role.CLERK).api(),
                Tasks.sameThread(), Fixtures.TIMES, Fixtures.countingKeys());
        stage.setScene(new Scene(ViewLoader.load(new BoxOfficeView(boxOffice, new Printout(Tasks.sameThread(), printouts))), 1280, 800));
        boxOffice.refresh();
        stage.show();
    }

    private static Path createTempFolder() {
        try {
            return Files.createTempDirectory("marquee-printouts");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterEach
    void stop() {
        server.close();
        http.close();
    }

    @Test
    void gaCashSaleFromTheIdleScreenTakesFiveKeysPlusTheAmount(FxRobot robot) throws Exception {
        robot.clickOn("#showList"); // the idle screen: today's show picked, the list focused

        robot.type(KeyCode.ENTER);   // 1: sell the picked show, cursor in the first tier's quantity
        robot.type(KeyCode.DOWN);    // 2: to Standing
        robot.type(KeyCode.DIGIT2);  // 3: two tickets
        robot.type(KeyCode.ENTER);   // 4: on to the cash tendered
        robot.write("60");           //    the amount
        robot.type(KeyCode.ENTER);   // 5: pay

        List<FakeServer.Request> sales = server.requests("POST", "/api/sales");
        assertEquals(1, sales.size());
        assertEquals(Json.newMapper().readTree("""
                {"showId":21,"items":[{"tierId":8,"quantity":2}],"payment":{"method":"CASH","tenderedCents":6000}}"""),
                Json.newMapper().readTree(sales.getFirst().body()));
        assertEquals("Change due $10.00", robot.lookup(".receipt-change").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#newSaleButton").query().isFocused(), "Enter now starts the next sale");

        robot.press(KeyCode.CONTROL).press(KeyCode.P).release(KeyCode.P).release(KeyCode.CONTROL);
        // No printer on a test machine: the tickets, with their QR codes, are saved as a picture instead.
        org.awaitility.Awaitility.await().until(() -> {
            try (var files = Files.list(printouts)) {
                return files.anyMatch(file -> file.getFileName().toString().endsWith(".png"));
            }
        });
        assertTrue(robot.lookup("#printMessage").queryAs(Label.class).getText().startsWith("No printer found: saved"));
    }

    @Test
    void seatedBestAvailableCardSaleTakesFiveKeysAfterTheSearch(FxRobot robot) {
        robot.clickOn("#searchField").write("vivaldi");
        robot.type(KeyCode.ENTER);   // 1: sell the match, cursor in Premium's quantity
        robot.type(KeyCode.DIGIT1);  // 2: the best seat left
        robot.type(KeyCode.F7);      // 3: pay by card (the test card is filled in)
        robot.press(KeyCode.CONTROL).press(KeyCode.ENTER).release(KeyCode.ENTER).release(KeyCode.CONTROL); // 4, 5

        String body = server.requests("POST", "/api/sales").getFirst().body();
        assertTrue(body.contains("\"showId\":11") && body.contains("\"items\":[{\"tierId\":1,\"quantity\":1}]"), body);
        assertTrue(body.contains("\"method\":\"CARD\""), body);
    }

    @Test
    void functionKeysAreWrittenOnTheirButtons(FxRobot robot) {
        for (String text : List.of("Pay (Ctrl+Enter)", "Cash (F6)", "Card (F7)", "Refresh (F5)",
                "Open drawer (F9)")) {
            assertTrue(robot.lookup(node -> node instanceof javafx.scene.control.Labeled labeled
                    && text.equals(labeled.getText())).tryQuery().isPresent(), text);
        }
    }
}
