package dev.marquee.client;

import dev.marquee.client.common.TaskExecutor;
import dev.marquee.client.common.Theme;
import dev.marquee.client.common.api.ServerApi;
import dev.marquee.client.common.api.ServerMemory;
import dev.marquee.client.live.LiveFeed;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Locale;
import javafx.application.Application;
import javafx.stage.Stage;

/** Wires the client together: theme, server connection, background work, first screen. */
public final class MarqueeApp extends Application {

    private HttpClient http;
    private TaskExecutor tasks;

    @Override
    public void start(Stage stage) {
        Theme theme = Theme.forApplication(Theme.Memory.userPreferences());
        theme.apply();
        ServerMemory serverMemory = ServerMemory.userPreferences();
        LaunchOptions options = LaunchOptions.parse(getParameters().getRaw());
        String server = options.server().orElseGet(serverMemory::lastUsed);

        http = ServerApi.newHttpClient();
        tasks = TaskExecutor.forJavaFx();
        AppNavigator navigator = new AppNavigator(stage, uri -> new ServerApi(http, uri),
                (uri, dispatcher) -> new LiveFeed(http, uri, dispatcher), tasks, serverMemory,
                Clock.systemDefaultZone(), Locale.getDefault(), theme);

        stage.setTitle("Marquee");
        stage.setMinWidth(960);
        stage.setMinHeight(640);
        navigator.showLogin(server);
        stage.show();
        if (options.smokeTest()) {
            SmokeTest.reportAndQuit(stage);
        }
    }

    @Override
    public void stop() {
        if (tasks != null) {
            tasks.close();
        }
        if (http != null) {
            http.close();
        }
    }
}
