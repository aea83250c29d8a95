package dev.marquee.client;

import static org.awaitility.Awaitility.await;

import dev.marquee.client.admin.shows.ShowRow;
import dev.marquee.client.common.widgets.ShowEntry;
import java.time.Duration;
import java.util.concurrent.Callable;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** What the flow tests do to the real client against the real server: sign in, pick a show, read the screen. */
final class RealClient {

    /** Generous for a shared two-core machine; the live updates themselves are asserted tighter. */
    static final Duration PATIENCE = Duration.ofSeconds(20);

    private final FxRobot robot;

    RealClient(FxRobot robot) {
        this.robot = robot;
    }

    void signIn(String email) {
        robot.clickOn("#emailField").write(email);
        robot.clickOn("#passwordField").write("marquee-demo");
        robot.type(KeyCode.ENTER);
        awaitTrue(() -> robot.lookup("#signOutButton").tryQuery().isPresent());
    }

    /** Waits for the show list, selects the first show whose title starts so, and focuses the list. */
    void pickShow(String titleStart) {
        awaitTrue(() -> !showList().getItems().isEmpty());
        robot.interact(() -> {
            ListView<ShowEntry> list = showList();
            list.getItems().stream().filter(entry -> entry.eventTitle().startsWith(titleStart)).findFirst()
                    .ifPresent(entry -> list.getSelectionModel().select(entry));
            list.requestFocus();
        });
        awaitTrue(() -> !robot.lookup("#tierGrid .quantity").queryAll().isEmpty());
    }

    /** Signs in as the administrator and opens the admin area on the tool whose tab title starts so. */
    void openAdminTool(String toolTitleStart) {
        signIn("admin@marquee.test");
        ctrl(KeyCode.DIGIT4);
        awaitTrue(() -> robot.lookup("#toolTabs").tryQuery().isPresent());
        robot.interact(() -> {
            TabPane tabs = robot.lookup("#toolTabs").queryAs(TabPane.class);
            tabs.getTabs().stream().filter(tab -> tab.getText().startsWith(toolTitleStart)).findFirst()
                    .ifPresent(tab -> tabs.getSelectionModel().select(tab));
        });
    }

    /** The admin pane's list of shows. */
    @SuppressWarnings("unchecked")
    TableView<ShowRow> adminShows() {
        return robot.lookup("#showsTable").queryAs(TableView.class);
    }

    /** Opens the cash drawer with a float unless one is open already (the server keeps it across tests). */
    void openDrawerIfClosed(String float_) {
        awaitTrue(() -> text("#drawerSummary").startsWith("Drawer open") || text("#drawerSummary").startsWith("No"));
        if (text("#drawerSummary").startsWith("No")) {
            robot.clickOn("#floatField").write(float_);
            robot.type(KeyCode.ENTER);
            awaitTrue(() -> text("#drawerSummary").startsWith("Drawer open"));
        }
    }

    /** The figure in the tier grid's row for this tier, in this column (0 name, 2 available, 3 held, 4 sold). */
    String tierFigure(String tierName, int column) {
        GridPane grid = robot.lookup("#tierGrid").queryAs(GridPane.class);
        Integer row = grid.getChildren().stream().filter(node -> node instanceof Label label
                        && label.getStyleClass().contains("tier-name") && tierName.equals(label.getText()))
                .map(GridPane::getRowIndex).findFirst().orElseThrow(() -> new AssertionError("No tier " + tierName));
        return grid.getChildren().stream().filter(node -> row.equals(GridPane.getRowIndex(node))
                        && Integer.valueOf(column).equals(GridPane.getColumnIndex(node)) && node instanceof Label)
                .map(node -> ((Label) node).getText()).findFirst().orElseThrow();
    }

    String text(String query) {
        return robot.lookup(query).tryQuery().map(node -> ((Labeled) node).getText()).orElse("");
    }

    boolean visible(String query) {
        return robot.lookup(query).tryQuery().map(Node::isVisible).orElse(false);
    }

    void ctrl(KeyCode key) {
        robot.press(KeyCode.CONTROL).press(key).release(key).release(KeyCode.CONTROL);
    }

    static void awaitTrue(Callable<Boolean> condition) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(50)).until(() -> {
            WaitForAsyncUtils.waitForFxEvents();
            return condition.call();
        });
    }

    @SuppressWarnings("unchecked")
    private ListView<ShowEntry> showList() {
        return robot.lookup("#showList").queryAs(ListView.class);
    }
}
