package dev.marquee.client.common.widgets;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.Node;
import javafx.stage.FileChooser;

/** Asks where to save a file the server made (a CSV export, tickets as PDF), offering a name for it. */
public final class SaveDialog {

    private SaveDialog() {
    }

    public static Optional<Path> csv(Node owner, String fileName, String title) {
        return ask(owner, fileName, title, new FileChooser.ExtensionFilter("CSV spreadsheet", "*.csv"));
    }

    public static Optional<Path> pdf(Node owner, String fileName, String title) {
        return ask(owner, fileName, title, new FileChooser.ExtensionFilter("PDF document", "*.pdf"));
    }

    private static Optional<Path> ask(Node owner, String fileName, String title, FileChooser.ExtensionFilter kind) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(fileName);
        chooser.getExtensionFilters().add(kind);
        File target = chooser.showSaveDialog(owner.getScene().getWindow());
        return Optional.ofNullable(target).map(File::toPath);
    }
}
