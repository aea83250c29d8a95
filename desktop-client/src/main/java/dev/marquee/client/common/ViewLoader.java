package dev.marquee.client.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/**
 * Loads a screen by convention: controller {@code XView} in package p has its layout in {@code p/XView.fxml}
 * and, if present, its scoped style sheet in {@code p/XView.css}. The controller instance is built by the
 * caller (with its view model) and handed to FXML, so no controller needs a no-argument constructor.
 */
public final class ViewLoader {

    private ViewLoader() {
    }

    public static Parent load(Object controller) {
        Class<?> type = controller.getClass();
        URL layout = resource(type, ".fxml");
        if (layout == null) {
            throw new IllegalStateException("No " + type.getSimpleName() + ".fxml next to " + type.getName());
        }
        FXMLLoader loader = new FXMLLoader(layout);
        loader.setControllerFactory(requested -> {
            if (!requested.isInstance(controller)) {
                throw new IllegalStateException(layout + " asks for " + requested.getName() + ", not " + type.getName());
            }
            return controller;
        });
        Parent root;
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load " + layout, e);
        }
        URL styles = resource(type, ".css");
        if (styles != null) {
            root.getStylesheets().add(styles.toExternalForm());
        }
        return root;
    }

    private static URL resource(Class<?> type, String suffix) {
        return type.getResource(type.getSimpleName() + suffix);
    }
}
