package dev.marquee.client.common;

import javafx.scene.Node;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * Keyboard shortcuts scoped to one screen. They hang on the screen's root node rather than on the scene, so
 * they disappear with the screen instead of firing into a view that is no longer shown.
 */
public final class Shortcuts {

    private Shortcuts() {
    }

    public static void bind(Node screenRoot, KeyCombination keys, Runnable action) {
        // A filter, not a handler: a focused table or field must not swallow the shortcut first.
        screenRoot.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (keys.match(event)) {
                event.consume();
                action.run();
            }
        });
    }
}
