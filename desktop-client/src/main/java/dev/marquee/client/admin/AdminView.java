package dev.marquee.client.admin;

import dev.marquee.client.admin.shows.ShowRow;
import dev.marquee.client.admin.shows.ShowsOverviewViewModel;
import dev.marquee.client.common.Shortcuts;
import java.util.List;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;

/**
 * The admin pane: every show on the left, and the tools for the picked one on the right, one tab each
 * (Alt+1, Alt+2, ...). It only lays out; the show list and each tool have view models of their own.
 */
public final class AdminView {

    /** One tool of the pane and its screen. */
    public record Tool(String title, Parent screen) {
    }

    private static final KeyCode[] DIGITS = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4,
            KeyCode.DIGIT5, KeyCode.DIGIT6, KeyCode.DIGIT7, KeyCode.DIGIT8, KeyCode.DIGIT9};

    private final ShowsOverviewViewModel shows;
    private final Parent showList;
    private final List<Tool> tools;

    @FXML private BorderPane root;
    @FXML private SplitPane split;
    @FXML private Label pickedLabel;
    @FXML private TabPane toolTabs;

    public AdminView(ShowsOverviewViewModel shows, Parent showList, List<Tool> tools) {
        this.shows = shows;
        this.showList = showList;
        this.tools = List.copyOf(tools);
    }

    @FXML
    private void initialize() {
        split.getItems().addFirst(showList);
        pickedLabel.textProperty().bind(shows.pickedProperty().map(AdminView::describe).orElse("Pick a show on the left."));
        for (int i = 0; i < tools.size(); i++) {
            Tool tool = tools.get(i);
            String key = i < DIGITS.length ? " (Alt+" + (i + 1) + ")" : "";
            toolTabs.getTabs().add(new Tab(tool.title() + key, tool.screen()));
            if (i < DIGITS.length) {
                int index = i;
                Shortcuts.bind(root, new KeyCodeCombination(DIGITS[i], KeyCombination.ALT_DOWN),
                        () -> toolTabs.getSelectionModel().select(index));
            }
        }
        // A tool's shortcuts live on its screen, so the focus follows the tab into it.
        toolTabs.getSelectionModel().selectedItemProperty().addListener((property, before, now) -> {
            if (now != null) {
                // The tab's content is shown only after this change is handled; focus can go to it then.
                Platform.runLater(() -> now.getContent().requestFocus());
            }
        });
    }

    private static String describe(ShowRow show) {
        return show.eventTitle() + " · " + show.startsAt() + " · " + show.venue() + " · " + show.seating()
                + " · " + show.sale();
    }
}
