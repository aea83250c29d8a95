package dev.marquee.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;

/**
 * {@code kill -9} of the server in the middle of sales and holds, then a restart on the same database: every sale
 * the generator heard confirmed must be in the database, and no hold may stay active past its expiry.
 */
final class Crash {

    /** What the crash left behind. */
    record Outcome(long confirmed, long committedOrdersLost, long stuckHolds, List<String> broken) {
    }

    /** The server is killed this long into the sales and holds. */
    private static final long KILL_AFTER_MILLIS = 4_000;
    /** Sales and holds go on a second past the kill, so some are in flight and some find the server gone. */
    private static final double LOAD_SECONDS = 5;

    private Crash() {
    }

    static Outcome run(Database database, Path jar, Path log, double salesRate) throws Exception {
        Section.begin("crash");
        String jdbcUrl = database.freshDatabase();
        int port = FreePort.find();
        Map<String, String> shortHolds = Map.of("MARQUEE_HOLD_TTL_SECONDS", "5");
        ServerProcess server = ServerProcess.start(jar, jdbcUrl, "optimized", port, FreePort.find(), shortHolds, log);
        Seed.Show show;
        try (Connection sql = database.connect(jdbcUrl)) {
            show = Seed.gaShows(sql, 1, 2, 50_000_000).getFirst();
        }
        String clerk = Tokens.login(port, "clerk@marquee.test");
        String fan = Tokens.login(port, "fan@marquee.test");
        Sales sales = new Sales(clerk, List.of(new Sales.Target(show.id(), show.tierIds().getFirst())), "crash-sale-");
        // A server killed in production has been running: warm this one up first, or a cold JIT sheds nearly all of
        // the load and the crash puts almost no confirmed orders at risk.
        Sales warmUp = new Sales(clerk, List.of(new Sales.Target(show.id(), show.tierIds().getFirst())), "crash-warm-");
        try (OpenLoad warming = new OpenLoad("localhost", port, 256)) {
            warming.run(salesRate / 4, 3, warmUp);
            warming.run(salesRate / 2, 5, warmUp);
        }
        OpenLoad.Requests holds = Sales.holds(fan, new Sales.Target(show.id(), show.tierIds().get(1)), "crash-hold-");
        LoadResult[] results = new LoadResult[2];
        Thread selling = Thread.ofPlatform().start(() -> results[0] = runQuietly(
                OpenLoad.keepingAcceptedIds("localhost", port, 256), salesRate, LOAD_SECONDS, sales));
        Thread holding = Thread.ofPlatform().start(() -> results[1] = runQuietly(
                new OpenLoad("localhost", port, 16), 50, LOAD_SECONDS, holds));
        Thread.sleep(KILL_AFTER_MILLIS);
        server.kill();
        selling.join();
        holding.join();
        System.out.println("  killed mid-load: " + results[0] + " / holds " + results[1]);
        ServerProcess restarted = ServerProcess.start(jar, jdbcUrl, "optimized", port, FreePort.find(), shortHolds, log);
        try {
            // Holds live 5 s and the sweep runs every second: 8 s after the restart every expiry is well past.
            Thread.sleep(8_000);
            try (Connection sql = database.connect(jdbcUrl)) {
                return new Outcome(results[0].acceptedIds().size(),
                        Ledger.missingOrders(sql, results[0].acceptedIds()), Ledger.stuckHolds(sql), Ledger.broken(sql));
            }
        } finally {
            restarted.close();
        }
    }

    private static LoadResult runQuietly(OpenLoad load, double rate, double seconds, OpenLoad.Requests requests) {
        try (load) {
            return load.run(rate, seconds, requests);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
