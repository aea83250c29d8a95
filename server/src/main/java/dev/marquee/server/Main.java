package dev.marquee.server;

import io.helidon.webserver.http.HttpRouting;

/** Starts the server from application.yaml and MARQUEE_* variables, and holds the routing tests reuse. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        MarqueeServer server = MarqueeServer.start(Settings.load(System.getenv()));
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "marquee-shutdown"));
    }

    /** Every HTTP route of the API port; services are registered relative to {@code /api}. */
    static void routing(HttpRouting.Builder routing, Application app) {
        app.errors().register(routing);
        routing.register("/api", app.apiServices())
                .any(app.errors()::noSuchRoute);
    }

    /**
     * The management port: only Helidon's health and metrics observers (added as a feature on the same socket), for
     * operators and their monitoring, never for clients. No catch-all here: it would answer the observers' paths
     * too, so an unknown path on this port gets Helidon's 404, in the contract's shape.
     */
    static void managementRouting(HttpRouting.Builder routing, Application app) {
        app.errors().register(routing);
    }
}
