package dev.marquee.client;

import javafx.application.Application;

/**
 * The jar's entry point. It does not extend {@link Application} on purpose: when the main class is an
 * Application, the JDK launcher insists on JavaFX as named modules and refuses to start from a plain class path.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        Application.launch(MarqueeApp.class, args);
    }
}
