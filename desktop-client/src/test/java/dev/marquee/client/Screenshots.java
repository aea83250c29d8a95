package dev.marquee.client;

import atlantafx.base.theme.PrimerLight;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Drives the real client and writes what the window shows as PNG files. A tool, not a test: it needs a display
 * (run it under {@code xvfb-run}; {@code bin/screenshots} does). Usage: {@code Screenshots <output directory>
 * [server URL]}; without a URL it starts the packaged server on a fresh embedded PostgreSQL with demo data.
 */
public final class Screenshots {

    private static final int STILL_FRAMES = 4;
    private static final Duration FRAME_GAP = Duration.ofMillis(100);
    private static final Duration SETTLE_AT_MOST = Duration.ofSeconds(5);

    private final Stage stage;
    private final Path out;

    private Screenshots(Stage stage, Path out) {
        this.stage = stage;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/screens");
        String server = args.length > 1 && !args[1].isBlank() ? args[1] : RealServer.shared().url();
        Files.createDirectories(out);
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(30, TimeUnit.SECONDS);
        Stage stage = onFx(() -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            return new Stage();
        });
        try (ClientUnderTest client = onFx(() -> new ClientUnderTest(stage, server))) {
            new ScreenshotTour(new Screenshots(stage, out), client).run();
        } finally {
            Platform.exit();
        }
    }

    /** Writes the window as {@code name.png}, once what it shows has stopped changing. */
    void shoot(String name) throws Exception {
        Frame frame = settledFrame();
        int width = frame.width();
        int height = frame.height();
        int[] pixels = frame.pixels();
        BufferedImage png = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        png.setRGB(0, 0, width, height, pixels, 0, width);
        Path file = out.resolve(name + ".png");
        try {
            ImageIO.write(png, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println("wrote " + file.toAbsolutePath());
    }

    /** Types into the field with this id, as a person would have. */
    void type(String selector, String text) throws Exception {
        onFx(() -> {
            TextInputControl field = (TextInputControl) find(selector);
            field.requestFocus();
            field.setText(text);
            return null;
        });
    }

    /** Presses the button with this id (a disabled button ignores it, as it ignores a click). */
    void press(String selector) throws Exception {
        onFx(() -> {
            ((ButtonBase) find(selector)).fire();
            return null;
        });
    }

    <T> T fx(Callable<T> work) throws Exception {
        return onFx(work);
    }

    /** Waits until the condition holds (a call has landed, a screen has appeared); it reads through shows/text. */
    void await(Callable<Boolean> condition) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(condition);
    }

    /** Waits until something visible matches the selector. */
    void awaitShown(String selector) {
        await(() -> shows(selector));
    }

    /** The text of the visible label or button matching the selector, "" when none is shown. */
    String text(String selector) throws Exception {
        return onFx(() -> {
            try {
                return ((Labeled) find(selector)).getText();
            } catch (IllegalStateException nothing) {
                return "";
            }
        });
    }

    boolean shows(String selector) throws Exception {
        return onFx(() -> {
            try {
                find(selector);
                return true;
            } catch (IllegalStateException nothing) {
                return false;
            }
        });
    }

    Node find(String selector) {
        Scene scene = stage.getScene();
        // Tabs keep their hidden content in the scene; the visible match is the one meant.
        return scene.getRoot().lookupAll(selector).stream().filter(Node::isVisible)
                .filter(node -> node.getScene() != null && isShown(node)).findFirst()
                .orElseThrow(() -> new IllegalStateException("Nothing visible matches " + selector));
    }

    private static boolean isShown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private record Frame(int width, int height, int[] pixels) {
        boolean sameAs(Frame other) {
            return other != null && width == other.width && height == other.height
                    && java.util.Arrays.equals(pixels, other.pixels);
        }
    }

    /**
     * The window once it has looked the same for {@link #STILL_FRAMES} snapshots in a row, {@link #FRAME_GAP}
     * apart: calls have landed, layout has run and charts and notifications have finished animating. A screen that
     * never settles (it shows a ticking clock, say) is shot as it is after {@link #SETTLE_AT_MOST}.
     */
    private Frame settledFrame() throws Exception {
        Frame[] last = {frame()};
        int[] still = {0};
        try {
            Awaitility.await().atMost(SETTLE_AT_MOST).pollInterval(FRAME_GAP).until(() -> {
                Frame frame = frame();
                still[0] = frame.sameAs(last[0]) ? still[0] + 1 : 0;
                last[0] = frame;
                return still[0] + 1 >= STILL_FRAMES;
            });
        } catch (ConditionTimeoutException neverStill) {
            // shot as it is
        }
        return last[0];
    }

    private Frame frame() throws Exception {
        WritableImage image = onFx(() -> stage.getScene().snapshot(null));
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        int[] pixels = new int[width * height];
        image.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), pixels, 0, width);
        return new Frame(width, height, pixels);
    }

    static <T> T onFx(Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable failure) {
                result.completeExceptionally(failure);
            }
        });
        return result.get(30, TimeUnit.SECONDS);
    }
}
