package dev.marquee.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * {@code bench/run quick steady RATE [SECONDS] [spread]}: for working on tails, not for quoting. One optimized server,
 * warmed up at {@code RATE} until the JIT is done, then a hot-tier step on a new show (or, with {@code spread}, one
 * over 1,000 tiers of 100 new shows) at {@code RATE} with a {@link Timeline}, repeated {@code MARQUEE_BENCH_STEPS}
 * times (default 1): the worst 50 ms windows with what PostgreSQL was doing in each ({@link WaitSampler}), every
 * second's refusals and worst latency, the CPU of the server, the database and this generator, the WAL written a
 * booking, and how many requests each lane transaction served. With {@code MARQUEE_BENCH_PG_STATEMENTS=1} it also
 * prints the step's most expensive statements (pg_stat_statements) and the tables it read by sequential scans.
 */
final class Steady {

    private Steady() {
    }

    /**
     * Long enough at the step's rate for the JIT: in a server just started, C2 compiled for about 40 s under load,
     * taking most of a core, and a step measured inside that time measured the compiler (a full run reaches its
     * latency steps minutes in).
     */
    private static final double WARM_SECONDS = 45;

    static void run(Scenarios scenarios, Database database, double rate, double seconds, boolean spread)
            throws Exception {
        boolean statements = "1".equals(System.getenv("MARQUEE_BENCH_PG_STATEMENTS"));
        int steps = Integer.parseInt(System.getenv().getOrDefault("MARQUEE_BENCH_STEPS", "1"));
        try (Scenarios.Stage stage = scenarios.stage("optimized", "optimized")) {
            Sales warmUp = new Sales(stage.clerkToken, Sales.targets(seed(stage, 100, 10, 1_000_000)), "steady-warm-");
            stage.warmUp(600, warmUp);
            stage.warm(rate, WARM_SECONDS, warmUp);
            for (int step = 0; step < steps; step++) {
                List<Seed.Show> shows = spread ? seed(stage, 100, 10, 1_000_000) : seed(stage, 1, 1, 50_000_000);
                step(scenarios, database, stage, new Sales(stage.clerkToken, Sales.targets(shows), "steady-" + step
                        + "-"), rate, seconds, spread, statements);
            }
        }
    }

    /** One step on its own new shows, and what it saw. */
    private static void step(Scenarios scenarios, Database database, Scenarios.Stage stage, Sales sales, double rate,
                             double seconds, boolean spread, boolean statements) throws Exception {
        if (statements) {
            try (Connection sql = stage.sql(); Statement statement = sql.createStatement()) {
                statement.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
                statement.execute("SELECT pg_stat_statements_reset()");
                statement.execute("SELECT pg_stat_reset()");
            }
        }
        Timeline timeline = new Timeline(seconds);
        long[] walBefore = wal(stage);
        String metricsBefore = metrics(scenarios.managementPort());
        CpuMeter.Sample before = CpuMeter.sample(stage.server.pid(), database.postmasterPid());
        WaitSampler waits = WaitSampler.start(stage.sql(), timeline);
        LoadResult result;
        try {
            result = stage.load.run(rate, seconds, sales, timeline);
        } finally {
            waits.close();
        }
        CpuMeter.Sample cpu = CpuMeter.sample(stage.server.pid(), database.postmasterPid()).minus(before);
        String metricsAfter = metrics(scenarios.managementPort());
        long[] walAfter = wal(stage);
        System.out.println("steady " + (spread ? "spread: " : "hot tier: ") + result);
        double bookings = result.acceptedPerSec() * seconds;
        System.out.printf("WAL: %.0f bytes and %.2f full-page images a booking; checkpoints %d%n",
                (walAfter[0] - walBefore[0]) / bookings, (walAfter[1] - walBefore[1]) / bookings,
                walAfter[2] - walBefore[2]);
        System.out.printf("cores used: server %.2f, database %.2f, generator %.2f%n",
                cpu.serverMicros() / 1e6 / seconds, cpu.databaseMicros() / 1e6 / seconds,
                cpu.generatorMicros() / 1e6 / seconds);
        double batches = counter(metricsAfter, "marquee_lane_batches_total")
                - counter(metricsBefore, "marquee_lane_batches_total");
        double batched = counter(metricsAfter, "marquee_lane_batched_requests_total")
                - counter(metricsBefore, "marquee_lane_batched_requests_total");
        System.out.printf("lane transactions: %.0f, %.1f requests each%n", batches, batched / Math.max(1, batches));
        System.out.println("worst 50 ms windows (offset from the step's start, " + timeline.startedAt()
                + "; database samples every 10 ms):");
        for (Timeline.Window window : timeline.worst(15)) {
            System.out.printf("  +%6d ms  due %4d refused %4d worst %7.1f ms  %s%n", window.offsetMillis(),
                    window.due(), window.refused(), window.worstMillis(), waits.in(window.index()));
        }
        System.out.println("second by second:");
        for (Timeline.Window second : timeline.seconds()) {
            System.out.printf("  %3d s  due %5d refused %5d worst %7.1f ms%n", second.index(), second.due(),
                    second.refused(), second.worstMillis());
        }
        System.out.println("database samples over the step: " + waits.total());
        if (statements) {
            printStatements(stage);
        }
    }

    private static List<Seed.Show> seed(Scenarios.Stage stage, int shows, int tiersPerShow, int capacity)
            throws SQLException {
        try (Connection sql = stage.sql()) {
            return Seed.gaShows(sql, shows, tiersPerShow, capacity);
        }
    }

    /** WAL bytes and full-page images written, and checkpoints done, since the database started. */
    private static long[] wal(Scenarios.Stage stage) throws SQLException {
        try (Connection sql = stage.sql(); Statement statement = sql.createStatement();
             ResultSet row = statement.executeQuery("""
                     SELECT w.wal_bytes::bigint, w.wal_fpi, c.num_timed + c.num_requested
                     FROM pg_stat_wal w, pg_stat_checkpointer c""")) {
            row.next();
            return new long[] {row.getLong(1), row.getLong(2), row.getLong(3)};
        }
    }

    private static void printStatements(Scenarios.Stage stage) throws SQLException {
        System.out.println("statements by total time (calls, total ms, mean ms, max ms, rows, WAL bytes, planning"
                + " ms, plans):");
        try (Connection sql = stage.sql(); Statement statement = sql.createStatement();
             ResultSet rows = statement.executeQuery("""
                     SELECT calls, total_exec_time, mean_exec_time, max_exec_time, rows, wal_bytes,
                            total_plan_time, plans, left(regexp_replace(query, '\\s+', ' ', 'g'), 100)
                     FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 15""")) {
            while (rows.next()) {
                System.out.printf("  %7d %9.1f %7.3f %7.1f %8d %10d %9.1f %7d  %s%n", rows.getLong(1),
                        rows.getDouble(2), rows.getDouble(3), rows.getDouble(4), rows.getLong(5), rows.getLong(6),
                        rows.getDouble(7), rows.getLong(8), rows.getString(9));
            }
        }
        System.out.println("tables by rows read in sequential scans (scans, rows read, index scans):");
        try (Connection sql = stage.sql(); Statement statement = sql.createStatement();
             ResultSet rows = statement.executeQuery("""
                     SELECT relname, seq_scan, seq_tup_read, coalesce(idx_scan, 0) FROM pg_stat_user_tables
                     ORDER BY seq_tup_read DESC LIMIT 8""")) {
            while (rows.next()) {
                System.out.printf("  %-20s %8d %12d %10d%n", rows.getString(1), rows.getLong(2), rows.getLong(3),
                        rows.getLong(4));
            }
        }
    }

    static String metrics(int port) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/observe/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        }
    }

    static double counter(String metrics, String name) {
        return metrics.lines().filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }
}
