package dev.marquee.client.common.widgets;

import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

/**
 * Pops up a notification in the window's corner for something that happened to the user without being asked for
 * (their hold expired, a seat they were looking at was taken). The screen says it in place as well; the pop-up is
 * for the user whose eyes were elsewhere.
 */
public final class Notices {

    private static final Duration SHOWN_FOR = Duration.seconds(6);

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
}
