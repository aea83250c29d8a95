package dev.marquee.server;

import dev.marquee.server.db.Database;
import dev.marquee.server.db.EmbeddedDatabase;
import dev.marquee.server.observe.Meters;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http1.Http1Config;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.health.HealthObserver;
import io.helidon.webserver.observe.metrics.MetricsObserver;
import java.time.Duration;
import java.util.List;

/** One running server: its database (embedded or real), its background work and its web server. */
public final class MarqueeServer {

    private static final System.Logger LOG = System.getLogger(MarqueeServer.class.getName());

    private final EmbeddedDatabase embedded;
    private final Database database;
    private final Application app;
    private final WebServer web;

    private static final String MANAGEMENT = "management";

    private MarqueeServer(EmbeddedDatabase embedded, Database database, Application app, WebServer web) {
        this.embedded = embedded;
        this.database = database;
        this.app = app;
        this.web = web;
    }

    public static MarqueeServer start(Settings settings) {
        Settings.Database db = settings.database();
        EmbeddedDatabase embedded = db.embedded() ? EmbeddedDatabase.start(db.dataDir()) : null;
        String url = embedded != null ? embedded.jdbcUrl("postgres") : db.url().orElseThrow();
        Meters meters = Meters.create();
        Database database = Database.connect(url, db.user(), db.password(), db.poolSize(), db.lockTimeout(), meters);
        database.migrate(db.demoData());
        Application app = new Application(settings, database, meters);
        WebServer web = WebServer.builder()
                .port(settings.http().port())
                .shutdownHook(false)
                .shutdownGracePeriod(Duration.ofSeconds(10))
                .maxPayloadSize(1024 * 1024)
                .addProtocol(Http1Config.builder().addReceiveListener(app.readDeadlines()).build())
                .maxTcpConnections(settings.http().maxConnections())
                .idleConnectionTimeout(settings.http().idleTimeout())
                .idleConnectionPeriod(settings.http().idleCheck())
                .directHandlers(app.errors().directHandlers())
                .routing(routing -> Main.routing(routing, app))
                .putSocket(MANAGEMENT, socket -> socket.port(settings.http().adminPort())
                        .routing(routing -> Main.managementRouting(routing, app)))
                .addFeature(ObserveFeature.builder()
                        .sockets(List.of(MANAGEMENT))
                        .observersDiscoverServices(false)
                        .addObserver(HealthObserver.builder()
                                .useSystemServices(false)
                                .details(true)
                                .addCheck(app.health())
                                .build())
                        .addObserver(MetricsObserver.create())
                        .build())
                .addRouting(app.liveRouting())
                .build()
                .start();
        app.startBackgroundWork();
        LOG.log(System.Logger.Level.INFO, "Marquee listening on http://localhost:{0,number,#} (demo data: {1});"
                + " health and metrics on http://localhost:{2,number,#}/observe", web.port(), db.demoData(),
                web.port(MANAGEMENT));
        return new MarqueeServer(embedded, database, app, web);
    }

    public int port() {
        return web.port();
    }

    /** The management port: health and metrics. */
    public int managementPort() {
        return web.port(MANAGEMENT);
    }

    /** Stops taking requests, lets those in flight finish, then stops background work and the database. */
    public void stop() {
        web.stop();
        app.stopBackgroundWork(Duration.ofSeconds(5));
        database.close();
        if (embedded != null) {
            embedded.close();
        }
        LOG.log(System.Logger.Level.INFO, "Marquee stopped");
    }
}
