package dev.marquee.server;

import dev.marquee.server.platform.Settings;
import io.helidon.webserver.http.HttpRouting;

/** Starts the server from application.yaml and MARQUEE_* variables, and holds the routing tests reuse. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        MarqueeServer server = MarqueeServer.start(Settings.load(System.getenv()));
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "marquee-shutdown"));
    }

    /** Every HTTP route of the server; services are registered relative to {@code /api}. */
    static void routing(HttpRouting.Builder routing, Application app) {
        app.errors().register(routing);
        routing.get("/observe/health", app.health()::handle)
                .register("/api", app.apiServices())
                .any(app.errors()::noSuchRoute);
    }
}
