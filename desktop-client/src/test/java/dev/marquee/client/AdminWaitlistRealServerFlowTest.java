package dev.marquee.client;

import static dev.marquee.client.RealClient.awaitTrue;

import dev.marquee.client.admin.shows.ShowRow;
import dev.marquee.client.admin.waitlist.WaitlistViewModel.EntryRow;
import dev.marquee.client.admin.waitlist.WaitlistViewModel.TierRow;
import java.util.List;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The admin's waiting-list tool against the real server: the demo's sold-out show lists its waiting fans, and one
 * who joins elsewhere appears while the tool is open, with no refresh.
 */
@ExtendWith(ApplicationExtension.class)
class AdminWaitlistRealServerFlowTest {

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
    void aFanWhoJoinsElsewhereAppearsInTheOpenWaitingList(FxRobot robot) {
        RealClient admin = new RealClient(robot);
        admin.openAdminTool("Waiting list");
        awaitTrue(() -> ofVelvetEchoes(robot, admin)
                && entries(robot).stream().anyMatch(entry -> entry.account().equals("wren@marquee.test")));
        awaitTrue(() -> tiers(robot).stream().anyMatch(tier -> tier.tier().equals("General Admission")
                && Integer.parseInt(tier.entries()) >= 3));

        client.joinWaitlistElsewhere("clerk@marquee.test", "The Velvet Echoes", "Early Bird", 2);

        awaitTrue(() -> entries(robot).stream().anyMatch(entry -> entry.account().equals("clerk@marquee.test")
                && entry.tier().equals("Early Bird") && entry.quantity().equals("2")));
    }

    /** True when the tool shows The Velvet Echoes' show; otherwise picks it in the show list. */
    private static boolean ofVelvetEchoes(FxRobot robot, RealClient admin) {
        if (admin.text("#adminWaitlistHeading").startsWith("The Velvet Echoes")) {
            return true;
        }
        TableView<ShowRow> shows = admin.adminShows();
        robot.interact(() -> shows.getItems().stream()
                .filter(row -> row.eventTitle().startsWith("The Velvet Echoes")).findFirst()
                .ifPresent(row -> shows.getSelectionModel().select(row)));
        return false;
    }

    @SuppressWarnings("unchecked")
    private static List<EntryRow> entries(FxRobot robot) {
        return List.copyOf(robot.lookup("#adminWaitlistEntries").queryAs(TableView.class).getItems());
    }

    @SuppressWarnings("unchecked")
    private static List<TierRow> tiers(FxRobot robot) {
        return List.copyOf(robot.lookup("#adminWaitlistTiers").queryAs(TableView.class).getItems());
    }
}
