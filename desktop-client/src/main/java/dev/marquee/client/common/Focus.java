package dev.marquee.client.common;

import javafx.scene.Node;

/**
 * Where the keyboard goes when a screen comes up: each screen names its first control, and whoever shows the screen
 * (the workspace, on sign-in and on every change of tab) puts the focus there, so the screen's shortcuts work
 * before anyone clicks.
 */
public final class Focus {

    private static final Object FIRST = Focus.class;

    private Focus() {
    }

    /** The control that takes the keyboard when {@code screen} comes up. */
    public static void startAt(Node screen, Node first) {
        screen.getProperties().put(FIRST, first);
    }

    /** The control to focus when {@code screen} comes up: the one it named, else the screen itself. */
    public static Node first(Node screen) {
        Object first = screen.getProperties().get(FIRST);
        return first instanceof Node node ? node : screen;
    }
}
