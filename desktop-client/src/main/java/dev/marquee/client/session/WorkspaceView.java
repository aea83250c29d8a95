package dev.marquee.client.session;

import dev.marquee.client.common.Focus;
import dev.marquee.client.common.Shortcuts;
import java.util.List;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The window's frame after sign-in: a header with the user and Sign out (Ctrl+L), and the user's areas below
 * it. One area fills the window; several become tabs, switched with Ctrl+1, Ctrl+2, ...
 */
public final class WorkspaceView {

    /** One area of work (box office, fan booking, admin) and the screen that does it. */
    public record Area(String title, Parent screen) {
    }

    private static final KeyCode[] DIGITS = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4};

    private final WorkspaceViewModel viewModel;
    private final List<Area> areas;

    @FXML private BorderPane root;
    @FXML private Label userLabel;
    @FXML private Label roleLabel;
    @FXML private Button signOutButton;
    @FXML private Button themeButton;
    @FXML private Label offlineBanner;

    public WorkspaceView(WorkspaceViewModel viewModel, List<Area> areas) {
        this.viewModel = viewModel;
        this.areas = List.copyOf(areas);
    }

    @FXML
    private void initialize() {
        userLabel.textProperty().bind(viewModel.userNameProperty());
        roleLabel.textProperty().bind(viewModel.roleNameProperty().concat(" · ").concat(viewModel.serverNameProperty()));
        signOutButton.setOnAction(event -> viewModel.signOut());
        Shortcuts.bind(root, new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN), signOutButton::fire);
        themeButton.textProperty().bind(viewModel.darkThemeProperty()
                .map(dark -> dark ? "Light (Ctrl+Shift+T)" : "Dark (Ctrl+Shift+T)"));
        themeButton.setOnAction(event -> viewModel.toggleTheme());
        FontIcon themeIcon = (FontIcon) themeButton.getGraphic();
        viewModel.darkThemeProperty().subscribe(dark -> themeIcon.setIconLiteral(dark ? "fth-sun" : "fth-moon"));
        Shortcuts.bind(root, new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                themeButton::fire);
        offlineBanner.visibleProperty().bind(viewModel.offlineProperty());
        offlineBanner.managedProperty().bind(offlineBanner.visibleProperty());
        root.setCenter(areas.size() == 1 ? areas.getFirst().screen() : tabs());
        // Signed in, the keyboard goes straight to the first area's first control: once this screen is in the
        // window, after the layout pass that follows.
        root.sceneProperty().addListener((property, before, scene) -> {
            if (scene != null) {
                Platform.runLater(() -> enter(currentArea()));
            }
        });
        // Nothing on the screens works without the server; greyed out, they say so at a glance, while the
        // banner above says why. Sign out stays available.
        root.getCenter().disableProperty().bind(viewModel.offlineProperty());
    }

    private Node tabs() {
        TabPane tabs = new TabPane();
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getStyleClass().add("areas");
        for (int i = 0; i < areas.size(); i++) {
            Area area = areas.get(i);
            String key = i < DIGITS.length ? " (Ctrl+" + (i + 1) + ")" : "";
            tabs.getTabs().add(new Tab(area.title() + key, area.screen()));
            if (i < DIGITS.length) {
                int index = i;
                Shortcuts.bind(root, new KeyCodeCombination(DIGITS[i], KeyCombination.SHORTCUT_DOWN),
                        () -> tabs.getSelectionModel().select(index));
            }
        }
        // The shortcuts of an area live on its screen, so the focus follows the tab into it.
        tabs.getSelectionModel().selectedItemProperty().addListener((property, before, now) -> {
            if (now != null) {
                // The tab's content is shown only after this change is handled; focus can go to it then.
                Platform.runLater(() -> enter(now.getContent()));
            }
        });
        return tabs;
    }

    private Node currentArea() {
        return root.getCenter() instanceof TabPane tabs && tabs.getSelectionModel().getSelectedItem() != null
                ? tabs.getSelectionModel().getSelectedItem().getContent() : root.getCenter();
    }

    /** Puts the keyboard on the area's first control. */
    private static void enter(Node area) {
        Focus.first(area).requestFocus();
    }
}
