package dev.marquee.client;

import dev.marquee.client.catalog.CatalogView;
import dev.marquee.client.catalog.CatalogViewModel;
import dev.marquee.client.common.Navigator;
import dev.marquee.client.common.ServerApi;
import dev.marquee.client.common.ServerMemory;
import dev.marquee.client.common.Session;
import dev.marquee.client.common.TaskExecutor;
import dev.marquee.client.common.ViewLoader;
import dev.marquee.client.session.LoginView;
import dev.marquee.client.session.LoginViewModel;
import java.net.URI;
import java.time.ZoneId;
import java.util.Locale;
import java.util.function.Function;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Builds each screen with its view model and puts it in the window. This is the one place that knows every
 * feature, so features never import each other.
 */
final class AppNavigator implements Navigator {

    private final Stage stage;
    private final Function<URI, ServerApi> connect;
    private final TaskExecutor tasks;
    private final ServerMemory serverMemory;

    AppNavigator(Stage stage, Function<URI, ServerApi> connect, TaskExecutor tasks, ServerMemory serverMemory) {
        this.stage = stage;
        this.connect = connect;
        this.tasks = tasks;
        this.serverMemory = serverMemory;
    }

    @Override
    public void showLogin(String serverUrl) {
        LoginViewModel viewModel = new LoginViewModel(serverUrl, connect, tasks, this, serverMemory);
        show(ViewLoader.load(new LoginView(viewModel)));
    }

    @Override
    public void showWorkspace(Session session) {
        // Every role sees the event list for now; the box office, fan and admin workspaces branch here later.
        CatalogViewModel viewModel = new CatalogViewModel(session, tasks, this, ZoneId.systemDefault(),
                Locale.getDefault());
        show(ViewLoader.load(new CatalogView(viewModel)));
        viewModel.refresh();
    }

    private void show(Parent root) {
        // One scene for the whole life of the window, so switching screens keeps its size and position.
        if (stage.getScene() == null) {
            stage.setScene(new Scene(root, 1024, 680));
        } else {
            stage.getScene().setRoot(root);
        }
    }
}
