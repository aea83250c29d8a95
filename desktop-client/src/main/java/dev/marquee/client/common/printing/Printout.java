package dev.marquee.client.common.printing;

import dev.marquee.client.common.TaskExecutor;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.print.Printer;
import javafx.print.PrinterJob;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/**
 * Prints a page laid out as a node. Where no printer is installed (a laptop at the door, a test machine) the
 * page is saved as a PNG instead, so a sale never ends without its tickets. Also saves a page's PDF where asked.
 */
public final class Printout {

    private final TaskExecutor tasks;
    private final Path fallbackFolder;

    public Printout(TaskExecutor tasks, Path fallbackFolder) {
        this.tasks = tasks;
        this.fallbackFolder = fallbackFolder;
    }

    /** Saves into ~/Marquee/printouts (or the folder in -Dmarquee.printouts) when no printer exists. */
    public static Printout toDefaultPrinter(TaskExecutor tasks) {
        String chosen = System.getProperty("marquee.printouts");
        return new Printout(tasks, chosen != null ? Path.of(chosen)
                : Path.of(System.getProperty("user.home"), "Marquee", "printouts"));
    }

    /** Call on the FX thread; {@code done} hears a sentence saying where the page went. */
    public void print(Node page, String name, Consumer<String> done) {
        Printer printer = Printer.getDefaultPrinter();
        if (printer != null) {
            PrinterJob job = PrinterJob.createPrinterJob(printer);
            if (job != null && job.printPage(page) && job.endJob()) {
                done.accept("Printed on " + printer.getName() + ".");
                return;
            }
        }
        // A page not yet in a window has no size: a scene of its own lays it out for the snapshot.
        if (page.getScene() == null) {
            new Scene(new Group(page));
        }
        page.applyCss();
        WritableImage image = page.snapshot(null, null);
        Path file = fallbackFolder.resolve(name + ".png");
        tasks.run(() -> write(image, file), saved -> done.accept("No printer found: saved as " + saved + "."),
                failure -> done.accept("No printer found, and the page could not be saved: " + failure.getMessage()));
    }

    /**
     * Writes a document (made by one of the PDF printouts) to the file the user chose, away from the FX thread;
     * {@code done} hears a sentence saying where it went, or why it could not be saved.
     */
    public void savePdf(Supplier<byte[]> document, Path target, Consumer<String> done) {
        tasks.run(() -> {
            Files.write(target, document.get());
            return target;
        }, saved -> done.accept("Saved as " + saved.getFileName() + "."),
                failure -> done.accept("Could not save the file: " + failure.getMessage()));
    }

    private static Path write(WritableImage image, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        BufferedImage copy = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                copy.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        ImageIO.write(copy, "png", file.toFile());
        return file;
    }
}
