package dev.marquee.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The scenarios, each on a fresh database and a freshly started server jar. */
final class Scenarios {

    private static final int PORT = FreePort.find();
    private static final int MANAGEMENT_PORT = FreePort.find();

    private final Database database;
    private final Path jar;
    private final Mode mode;
    private final Path log;
    private final List<String> broken = new ArrayList<>();

    Scenarios(Database database, Path jar, Mode mode, Path log) {
        this.database = database;
        this.jar = jar;
        this.mode = mode;
        this.log = log;
    }

    /** Invariants broken anywhere so far, by scenario. */
    List<String> broken() {
        return broken;
    }

    /** A server of one strategy on a fresh database, with a signed-in clerk. */
    final class Stage implements AutoCloseable {
        final String name;
        final String jdbcUrl;
        final ServerProcess server;
        final String clerkToken;
        final OpenLoad load;

        Stage(String name, String strategy, Map<String, String> env) throws Exception {
            this.name = name;
            this.jdbcUrl = database.freshDatabase();
            this.server = ServerProcess.start(jar, jdbcUrl, strategy, PORT, MANAGEMENT_PORT, env, log);
            this.clerkToken = Tokens.login(PORT, "clerk@marquee.test");
            this.load = new OpenLoad("localhost", PORT, mode.connections());
        }

        Connection sql() throws SQLException {
            return database.connect(jdbcUrl);
        }

        /** Runs one step, measuring the CPU the server and PostgreSQL spent on it. */
        Measured step(double rate, double seconds, OpenLoad.Requests requests) throws InterruptedException {
            CpuMeter.Sample before = CpuMeter.sample(server.pid(), database.postmasterPid());
            LoadResult result = load.run(rate, seconds, requests);
            CpuMeter.Sample used = CpuMeter.sample(server.pid(), database.postmasterPid()).minus(before);
            Measured measured = new Measured(result, used);
            System.out.printf("  %-28s %s  cpu/booking %.0f us (server %.0f, database %.0f; generator %.0f us)%n",
                    name, result, measured.cpuMicrosPerBooking(), measured.serverMicrosPerBooking(),
                    measured.databaseMicrosPerBooking(), measured.generatorMicrosPerBooking());
            return measured;
        }

        /** Offers ever higher rates until the server twice in a row stops keeping up; answers every step. */
        List<Measured> sweep(double startRate, OpenLoad.Requests requests) throws InterruptedException {
            return sweep(startRate, mode.maxSweepSteps(), requests);
        }

        List<Measured> sweep(double startRate, int maxSteps, OpenLoad.Requests requests) throws InterruptedException {
            List<Measured> steps = new ArrayList<>();
            int behind = 0;
            for (double rate = startRate; steps.size() < maxSteps && behind < 2;
                 rate *= mode.sweepFactor()) {
                Measured step = step(rate, mode.stepSeconds(), requests);
                steps.add(step);
                LoadResult r = step.result();
                boolean keptUp = r.acceptedPerSec() >= 0.85 * rate && LoadResult.millis(r.accepted(), 99) <= 1000;
                behind = keptUp ? 0 : behind + 1;
            }
            return steps;
        }

        /** Brings a freshly started server's JIT up to speed: a few seconds of rising load, not measured. */
        void warmUp(double rate, OpenLoad.Requests requests) throws InterruptedException, SQLException {
            warm(rate / 4, 2, requests);
            warm(rate, mode.warmUpSeconds(), requests);
            settle();
        }

        /** Load that is not measured, with other clients' connections coming and going ({@link ConnectionChurn}). */
        void warm(double rate, double seconds, OpenLoad.Requests requests) throws InterruptedException {
            try (ConnectionChurn churn = ConnectionChurn.start(MANAGEMENT_PORT)) {
                load.run(rate, seconds, requests);
            }
        }

        /**
         * Checks the invariants and the ledger after a scenario, noting what broke under its name; then settles the
         * database for the next one.
         */
        void checkInvariants(String scenario) throws SQLException {
            try (Connection connection = sql()) {
                List<String> found = Ledger.broken(connection);
                found.forEach(check -> broken.add(name + " " + scenario + ": " + check));
                System.out.printf("  %-28s invariants and ledger: %s%n", name + " " + scenario,
                        found.isEmpty() ? "held" : "BROKEN " + found);
            }
            settle();
        }

        /**
         * Vacuums and analyzes the database, as pgbench vacuums before a run: the dead rows one scenario leaves
         * behind are cleaned up now, not by autovacuum in the middle of the next scenario's figures. No checkpoint:
         * right after one, every page a sale first touches is written whole to the WAL, and that burst would land in
         * the next scenario's first step (Flight Recorder showed lane statements waiting there).
         * Checkpoints come when PostgreSQL's own settings call for them, as in production.
         */
        private void settle() throws SQLException {
            try (Connection connection = sql(); java.sql.Statement statement = connection.createStatement()) {
                statement.execute("VACUUM (ANALYZE)");
            }
        }

        @Override
        public void close() throws Exception {
            load.close();
            server.close();
        }
    }

    int port() {
        return PORT;
    }

    /** The servers' management port: health and metrics. */
    int managementPort() {
        return MANAGEMENT_PORT;
    }

    Stage stage(String name, String strategy) throws Exception {
        return new Stage(name, strategy, Map.of());
    }

    Stage stage(String name, String strategy, Map<String, String> env) throws Exception {
        return new Stage(name, strategy, env);
    }

    Mode mode() {
        return mode;
    }

    /** A load step's result with the server's and PostgreSQL's CPU over it. */
    record Measured(LoadResult result, CpuMeter.Sample cpu) {
        double cpuMicrosPerBooking() {
            return serverMicrosPerBooking() + databaseMicrosPerBooking();
        }

        /** The server JVM's share: where the optimized path's time goes once the database is batched. */
        double serverMicrosPerBooking() {
            return (double) cpu.serverMicros() / Math.max(1, result.accepted().getTotalCount());
        }

        double databaseMicrosPerBooking() {
            return (double) cpu.databaseMicros() / Math.max(1, result.accepted().getTotalCount());
        }

        double generatorMicrosPerBooking() {
            return (double) cpu.generatorMicros() / Math.max(1, result.accepted().getTotalCount());
        }
    }

    /** The step with the most confirmed bookings a second. */
    static Measured best(List<Measured> steps) {
        return steps.stream().max(java.util.Comparator.comparingDouble(m -> m.result().acceptedPerSec()))
                .orElseThrow();
    }
}
