package dev.marquee.client.common.widgets;

import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import org.controlsfx.control.action.Action;

/**
 * Pops up a notification in the window's corner for something that happened to the user without being asked for
 * (their hold expired, a seat they were looking at was taken). The screen says it in place as well; the pop-up is
 * for the user whose eyes were elsewhere.
 */
public final class Notices {

    private static final Duration SHOWN_FOR = Duration.seconds(6);
    /** Something to act on stays longer than news; the screen keeps it in place for as long as it stands. */
    private static final Duration ASKING_FOR = Duration.seconds(30);
    private static final double NOTICE_WIDTH = 320;

    private Notices() {
    }

    /** Every time the text turns non-empty while the node is on a shown window, it pops up. */
    public static void follow(Node onScreen, ObservableValue<String> text) {
        text.addListener((property, before, now) -> {
            Window window = onScreen.getScene() == null ? null : onScreen.getScene().getWindow();
            if (now != null && !now.isBlank() && window != null && window.isShowing()) {
                Notifications.create()
                        .owner(window)
                        .title("Marquee")
                        .text(now)
                        .position(Pos.TOP_RIGHT)
                        .hideAfter(SHOWN_FOR)
                        .showInformation();
            }
        });
    }

    /**
     * Pops up, now, something the user may act on: its text follows {@code text} while shown (a countdown), and one
     * button, or the screen's shortcut {@code keys} for it, does {@code action}. Nothing pops up while the node is
     * not on a shown window.
     */
    public static void ask(Node onScreen, ObservableValue<String> text, String actionLabel, KeyCombination keys,
                           Runnable action) {
        Window window = onScreen.getScene() == null ? null : onScreen.getScene().getWindow();
        if (window == null || !window.isShowing()) {
            return;
        }
        Label live = new Label();
        live.setWrapText(true);
        live.setMaxWidth(NOTICE_WIDTH);
        live.textProperty().bind(text);
        // A pop-up takes the window's keys while it shows: the action's shortcut must still do the action.
        live.sceneProperty().addListener((property, before, popup) -> {
            if (popup != null) {
                popup.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
                    if (keys.match(event)) {
                        event.consume();
                        action.run();
                    }
                });
            }
        });
        Notifications.create()
                .owner(window)
                .title("Marquee")
                .graphic(live)
                .action(new Action(actionLabel, event -> action.run()))
                .position(Pos.TOP_RIGHT)
                .hideAfter(ASKING_FOR)
                .show();
    }
}
