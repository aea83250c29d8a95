package dev.marquee.client;

import static dev.marquee.client.RealClient.awaitTrue;

import dev.marquee.client.admin.ShowRow;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The administrator's report against the real server, open while the box office sells and the door scans: its
 * figures move without a refresh. The server is shared by every flow test in the JVM, so the figures are read
 * first and the expectation is relative to them.
 */
@ExtendWith(ApplicationExtension.class)
class AdminReportRealServerFlowTest {

    private ClientUnderTest client;

    @Start
    void start(Stage stage) {
        client = ClientUnderTest.atSignIn(stage);
    }

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void aTicketSoldAndScannedInElsewhereCountsInTheOpenReport(FxRobot robot) {
        RealClient admin = new RealClient(robot);
        admin.signIn("admin@marquee.test");
        admin.ctrl(KeyCode.DIGIT4);
        awaitTrue(() -> robot.lookup("#toolTabs").tryQuery().isPresent());
        robot.interact(() -> {
            TabPane tabs = robot.lookup("#toolTabs").queryAs(TabPane.class);
            tabs.getTabs().stream().filter(tab -> tab.getText().startsWith("Report")).findFirst()
                    .ifPresent(tab -> tabs.getSelectionModel().select(tab));
        });
        awaitTrue(() -> showsTable(robot).getItems().stream().anyMatch(row -> row.eventTitle().startsWith("Aurora Skies")));
        robot.interact(() -> showsTable(robot).getSelectionModel().select(showsTable(robot).getItems().stream()
                .filter(row -> row.eventTitle().startsWith("Aurora Skies")).findFirst().orElseThrow()));
        awaitTrue(() -> admin.text("#checkedInLabel").matches("\\d+ of \\d+"));
        String[] before = admin.text("#checkedInLabel").split(" of ");
        int entered = Integer.parseInt(before[0]);
        int sold = Integer.parseInt(before[1]);

        String code = client.sellElsewhere("Aurora Skies", "General Admission");
        awaitTrue(() -> admin.text("#checkedInLabel").equals(entered + " of " + (sold + 1)));

        client.checkInElsewhere(code);
        awaitTrue(() -> admin.text("#checkedInLabel").equals((entered + 1) + " of " + (sold + 1)));
    }

    @SuppressWarnings("unchecked")
    private static TableView<ShowRow> showsTable(FxRobot robot) {
        return robot.lookup("#showsTable").queryAs(TableView.class);
    }
}
