package dev.marquee.client;

import static dev.marquee.client.RealClient.awaitTrue;

import dev.marquee.client.admin.report.ReportViewModel;
import dev.marquee.client.admin.shows.ShowRow;
import java.util.concurrent.Callable;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.awaitility.core.ConditionTimeoutException;
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
        admin.openAdminTool("Report");
        // The pane picks its first show once the list has loaded; pick this one until the report shows it.
        awaitReport(robot, admin, "figures", () -> admin.text("#checkedInLabel").matches("\\d+ of \\d+"));
        String[] before = admin.text("#checkedInLabel").split(" of ");
        int entered = Integer.parseInt(before[0]);
        int sold = Integer.parseInt(before[1]);

        String code = client.sellElsewhere("Aurora Skies", "General Admission");
        awaitCheckedIn(robot, admin, entered + " of " + (sold + 1));

        client.checkInElsewhere(code);
        awaitCheckedIn(robot, admin, (entered + 1) + " of " + (sold + 1));

        // Aurora Skies' demo vouchers are listed with their sales.
        TableView<ReportViewModel.VoucherLine> vouchers = robot.lookup("#reportVoucherTable").queryTableView();
        awaitTrue(() -> vouchers.isVisible() && vouchers.getItems().stream()
                .anyMatch(line -> line.code().equals("AURORA10") && line.kind().equals("Percent off")));
    }

    private static void awaitCheckedIn(FxRobot robot, RealClient admin, String expected) {
        awaitReport(robot, admin, expected, () -> admin.text("#checkedInLabel").equals(expected));
    }

    /** Waits for the report of Aurora Skies' show to meet {@code condition}; if it never does, says what it shows. */
    private static void awaitReport(FxRobot robot, RealClient admin, String expected, Callable<Boolean> condition) {
        try {
            awaitTrue(() -> reportOfAurora(robot, admin) && condition.call());
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("checked in: expected " + expected + ", the report shows "
                    + admin.text("#checkedInLabel") + " for " + admin.text("#headingLabel") + " ("
                    + admin.text("#updatedLabel") + ", error: " + admin.text("#errorLabel") + ")", e);
        }
    }

    /** True when the report is of Aurora Skies' show; otherwise picks it in the show list. */
    private static boolean reportOfAurora(FxRobot robot, RealClient admin) {
        if (admin.text("#headingLabel").startsWith("Aurora Skies")) {
            return true;
        }
        TableView<ShowRow> shows = admin.adminShows();
        robot.interact(() -> shows.getItems().stream()
                .filter(row -> row.eventTitle().startsWith("Aurora Skies")).findFirst()
                .ifPresent(row -> shows.getSelectionModel().select(row)));
        return false;
    }
}
