package dev.marquee.server;

import dev.marquee.server.observe.BookingMetrics;
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
        routing.addFilter(new BookingMetrics(app.metrics()))
                .register("/api", app.apiServices())
                .any(app.errors()::noSuchRoute);
    }

    /** The management port's routes: health and metrics, for operators and their monitoring, never for clients. */
    static void managementRouting(HttpRouting.Builder routing, Application app) {
        app.errors().register(routing);
        routing.get("/observe/health", app.health()::handle)
                .get("/observe/metrics", (request, response) -> {
                    response.headers().contentType(PROMETHEUS_TEXT);
                    response.send(app.metrics().render());
                })
                .any(app.errors()::noSuchRoute);
    }
}
