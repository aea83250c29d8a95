package dev.marquee.client;

import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * {@code --smoke-test}: what {@code bin/package} runs on the packaged app. Once the window has been laid out, it
 * prints whether the sign-in screen is showing (its sign-in button on screen) and quits: status 0 if it is, 1 if
 * not. The packaged app has no test framework inside, so the app checks itself.
 */
final class SmokeTest {

    static final String PASSED = "Marquee smoke test: the sign-in screen is showing";

    private SmokeTest() {
    }

    static void reportAndQuit(Stage stage) {
        // A moment later, on the FX thread: the window has been laid out and drawn by then.
        PauseTransition moment = new PauseTransition(Duration.millis(500));
        moment.setOnFinished(done -> {
            Node signIn = stage.getScene() == null ? null : stage.getScene().lookup("#signInButton");
            boolean showing = stage.isShowing() && signIn != null && signIn.isVisible()
                    && signIn.getLayoutBounds().getWidth() > 0;
            if (showing) {
                System.out.println(PASSED + " (window '" + stage.getTitle() + "')");
                Platform.exit();
            } else {
                System.err.println("Marquee smoke test: no sign-in screen in the window");
                System.exit(1);
            }
        });
        moment.play();
    }
}
