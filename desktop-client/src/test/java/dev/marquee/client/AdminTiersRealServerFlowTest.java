package dev.marquee.client;

import static dev.marquee.client.RealClient.awaitTrue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.Styles;
import dev.marquee.client.admin.shows.ShowRow;
import dev.marquee.client.admin.tiers.TierLine;
import javafx.scene.control.Button;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The administrator's tiers tool against the real server: a capacity below what is sold and held is stopped
 * before saving, a good one is saved, and a show goes on sale and off again. The server is shared by every flow
 * test in the JVM, so every figure is read first and every expectation is relative to it.
 */
@ExtendWith(ApplicationExtension.class)
class AdminTiersRealServerFlowTest {

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
    void capacityChangeBelowSoldIsRefusedThenAGoodOneIsAccepted(FxRobot robot) {
        RealClient admin = new RealClient(robot);
        openTiersOf(robot, admin, "Aurora Skies");
        TierLine vip = awaitTier(robot, "VIP");
        robot.interact(() -> tiersTable(robot).getSelectionModel().select(vip));
        int heldBefore = vip.heldProperty().get();

        client.holdElsewhere("fan@marquee.test", "Aurora Skies", "VIP", 2);
        awaitTrue(() -> vip.heldProperty().get() >= heldBefore + 2);

        int sold = vip.soldProperty().get();
        int held = vip.heldProperty().get();
        robot.clickOn("#capacityField").write(Integer.toString(sold + held - 1));
        awaitTrue(() -> admin.text("#impactLabel")
                .equals("At least " + (sold + held) + " are needed: " + sold + " sold + " + held + " held."));
        assertTrue(button(robot, "#saveTierButton").isDisabled(), "a capacity below sold + held cannot be saved");
        awaitTrue(() -> robot.lookup("#capacityField").query().getPseudoClassStates().contains(Styles.STATE_DANGER));

        int good = sold + held + 5;
        robot.clickOn("#capacityField");
        admin.ctrl(KeyCode.A);
        robot.write(Integer.toString(good));
        awaitTrue(() -> !button(robot, "#saveTierButton").isDisabled());
        assertTrue(admin.text("#impactLabel").endsWith(": " + sold + " sold and " + held + " held stay, 5 left to"
                + " sell (was " + vip.availableProperty().get() + ")."), admin.text("#impactLabel"));
        admin.ctrl(KeyCode.S);

        awaitTrue(() -> admin.text("#messageLabel").equals("Saved VIP: capacity " + good + "."));
        assertEquals(good, tiersTable(robot).getColumns().get(2).getCellData(vip), "the table shows it");
        assertEquals("", robot.lookup("#capacityField").queryAs(TextField.class).getText());
        awaitTrue(() -> !robot.lookup("#capacityField").query().getPseudoClassStates().contains(Styles.STATE_DANGER));
    }

    @Test
    void aShowPutOnSaleSaysSoInTheShowListAndGoesBackOffSale(FxRobot robot) {
        RealClient admin = new RealClient(robot);
        openTiersOf(robot, admin, "Winter Solstice Gala");
        boolean onSaleBefore = listed(robot, "Winter Solstice Gala").onSale();
        String firstPress = onSaleBefore ? "Take off sale (Ctrl+O)" : "Put on sale (Ctrl+O)";
        awaitTrue(() -> admin.text("#saleButton").equals(firstPress));
        // The tool's shortcuts work where its screen has the focus, as the admin's would after clicking into it.
        robot.clickOn("#tiersTable");

        admin.ctrl(KeyCode.O);
        awaitTrue(() -> listed(robot, "Winter Solstice Gala").onSale() != onSaleBefore);
        awaitTrue(() -> !admin.text("#saleButton").equals(firstPress));

        admin.ctrl(KeyCode.O);
        awaitTrue(() -> listed(robot, "Winter Solstice Gala").onSale() == onSaleBefore);
        awaitTrue(() -> admin.text("#saleButton").equals(firstPress));
    }

    @Test
    void theAdminToolsAreReachedFromTheKeyboardAlone(FxRobot robot) {
        RealClient admin = new RealClient(robot);
        admin.signIn("admin@marquee.test");
        admin.ctrl(KeyCode.DIGIT4);
        awaitTrue(() -> robot.lookup("#toolTabs").tryQuery().isPresent());

        // No click: the focus followed the area's tab into the admin pane, where Alt+3 lives.
        robot.press(KeyCode.ALT).press(KeyCode.DIGIT3).release(KeyCode.DIGIT3).release(KeyCode.ALT);
        awaitTrue(() -> selectedTool(robot).startsWith("Report"));
        robot.press(KeyCode.ALT).press(KeyCode.DIGIT1).release(KeyCode.DIGIT1).release(KeyCode.ALT);
        awaitTrue(() -> selectedTool(robot).startsWith("Tiers & sale"));
    }

    private static String selectedTool(FxRobot robot) {
        return robot.lookup("#toolTabs").queryAs(TabPane.class).getSelectionModel().getSelectedItem().getText();
    }

    /** Signs in as the administrator, opens the admin area and this tool, and picks the show. */
    private static void openTiersOf(FxRobot robot, RealClient admin, String titleStart) {
        admin.openAdminTool("Tiers & sale");
        awaitTrue(() -> showsTable(robot).getItems().stream().anyMatch(row -> row.eventTitle().startsWith(titleStart)));
        robot.interact(() -> showsTable(robot).getSelectionModel().select(listed(robot, titleStart)));
        awaitTrue(() -> !tiersTable(robot).getItems().isEmpty());
    }

    private static TierLine awaitTier(FxRobot robot, String name) {
        awaitTrue(() -> tiersTable(robot).getItems().stream().anyMatch(line -> line.nameProperty().get().equals(name)));
        return tiersTable(robot).getItems().stream().filter(line -> line.nameProperty().get().equals(name))
                .findFirst().orElseThrow();
    }

    private static ShowRow listed(FxRobot robot, String titleStart) {
        return showsTable(robot).getItems().stream().filter(row -> row.eventTitle().startsWith(titleStart))
                .findFirst().orElseThrow();
    }

    private static Button button(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Button.class);
    }

    private static TableView<ShowRow> showsTable(FxRobot robot) {
        return new RealClient(robot).adminShows();
    }

    @SuppressWarnings("unchecked")
    private static TableView<TierLine> tiersTable(FxRobot robot) {
        return robot.lookup("#tiersTable").queryAs(TableView.class);
    }
}
