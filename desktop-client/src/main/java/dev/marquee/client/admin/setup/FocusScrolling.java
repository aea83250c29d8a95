package dev.marquee.client.admin.setup;

import javafx.beans.value.ChangeListener;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;

/**
 * Scrolls a scroll pane so that the field with the cursor is in sight. A scroll pane does not do this by
 * itself, and a form worked from the keyboard would otherwise tab into fields nobody can see.
 */
final class FocusScrolling {

    private static final double MARGIN = 12;

    private FocusScrolling() {
    }

    static void install(ScrollPane pane) {
        ChangeListener<Node> follow = (property, before, now) -> {
            if (now != null && inside(pane, now)) {
                show(pane, now);
            }
        };
        pane.sceneProperty().addListener((property, before, now) -> {
            if (before != null) {
                before.focusOwnerProperty().removeListener(follow);
            }
            if (now != null) {
                now.focusOwnerProperty().addListener(follow);
            }
        });
        Scene scene = pane.getScene();
        if (scene != null) {
            scene.focusOwnerProperty().addListener(follow);
        }
    }

    private static boolean inside(ScrollPane pane, Node node) {
        for (Node at = node.getParent(); at != null; at = at.getParent()) {
            if (at == pane) {
                return true;
            }
        }
        return false;
    }

    private static void show(ScrollPane pane, Node node) {
        Node content = pane.getContent();
        double height = content.getBoundsInLocal().getHeight();
        double viewport = pane.getViewportBounds().getHeight();
        if (height <= viewport) {
            return;
        }
        Bounds field = content.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
        double scrollable = height - viewport;
        double top = scrollable * (pane.getVvalue() - pane.getVmin()) / (pane.getVmax() - pane.getVmin());
        if (field.getMinY() - MARGIN < top) {
            top = field.getMinY() - MARGIN;
        } else if (field.getMaxY() + MARGIN > top + viewport) {
            top = field.getMaxY() + MARGIN - viewport;
        } else {
            return;
        }
        double share = Math.clamp(top / scrollable, 0, 1);
        pane.setVvalue(pane.getVmin() + share * (pane.getVmax() - pane.getVmin()));
    }
}
