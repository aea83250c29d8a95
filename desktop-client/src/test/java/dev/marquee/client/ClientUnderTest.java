package dev.marquee.client;

import atlantafx.base.theme.PrimerLight;
import dev.marquee.client.common.ServerApi;
import dev.marquee.client.common.ServerMemory;
import dev.marquee.client.common.TaskExecutor;
import dev.marquee.client.common.Theme;
import dev.marquee.client.live.LiveFeed;
import dev.marquee.model.auth.LoginRequest;
import dev.marquee.model.booking.HoldRequest;
import dev.marquee.model.booking.TierQuantity;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javafx.application.Application;
import javafx.stage.Stage;

/** The client wired as {@link MarqueeApp} wires it, but in a stage the caller owns and without saved settings. */
final class ClientUnderTest implements AutoCloseable {

    private final HttpClient http = ServerApi.newHttpClient();
    private final TaskExecutor tasks = TaskExecutor.forJavaFx();
    private final AppNavigator navigator;
    private final String server;
    private final Stage stage;

    ClientUnderTest(Stage stage, String server) {
        this.server = server;
        this.stage = stage;
        ServerMemory nothingRemembered = new ServerMemory() {
            @Override
            public String lastUsed() {
                return server;
            }

            @Override
            public void remember(String serverUrl) {
            }
        };
        navigator = new AppNavigator(stage, uri -> new ServerApi(http, uri),
                (uri, dispatcher) -> new LiveFeed(http, uri, dispatcher), tasks, nothingRemembered,
                Clock.systemDefaultZone(), Locale.UK, Theme.forApplication(Theme.Memory.none()));
        stage.setTitle("Marquee");
    }

    /** The client on the JVM's real server, its window open on the sign-in screen; call on the FX thread. */
    static ClientUnderTest atSignIn(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        ClientUnderTest client = new ClientUnderTest(stage, RealServer.shared().url());
        client.showLogin();
        return client;
    }

    /** Opens the window on the sign-in screen; call on the FX thread. */
    void showLogin() {
        navigator.showLogin(server);
        stage.show();
    }

    /** Another user, through their own connection, holds tickets: a change made elsewhere. */
    void holdElsewhere(String email, String eventTitle, String tierName, int quantity) {
        ServerApi other = new ServerApi(http, URI.create(server));
        other = other.withToken(other.login(new LoginRequest(email, "marquee-demo")).token());
        long showId = other.events().stream().filter(event -> event.title().startsWith(eventTitle))
                .flatMap(event -> event.shows().stream()).findFirst().orElseThrow().id();
        long tierId = other.availability(showId).tiers().stream().filter(tier -> tier.name().equals(tierName))
                .findFirst().orElseThrow().tierId();
        other.hold(new HoldRequest(showId, List.of(new TierQuantity(tierId, quantity)), null),
                UUID.randomUUID().toString());
    }

    @Override
    public void close() {
        tasks.close();
        // close() would wait for the live WebSocket to end by itself; the test is over, so cut it.
        http.shutdownNow();
    }
}
