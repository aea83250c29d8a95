package dev.marquee.server;

import io.helidon.http.HttpMediaType;
import io.helidon.webserver.http.HttpRouting;

/** Starts the server from application.yaml and MARQUEE_* variables, and holds the routing tests reuse. */
public final class Main {

    private static final HttpMediaType PROMETHEUS_TEXT =
            HttpMediaType.create("text/plain; version=0.0.4; charset=utf-8");

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
     * The management port's routes beside Helidon's health observer (added as a feature on the same socket): metrics,
     * for operators and their monitoring, never for clients. No catch-all here: it would answer the observer's
     * paths too, so an unknown path on this port gets Helidon's own 404.
     */
    static void managementRouting(HttpRouting.Builder routing, Application app) {
        app.errors().register(routing);
        routing.get("/observe/metrics", (request, response) -> {
            response.headers().contentType(PROMETHEUS_TEXT);
            response.send(app.metrics().render());
        });
    }
}
