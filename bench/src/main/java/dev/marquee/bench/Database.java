package dev.marquee.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A real PostgreSQL 17 for the whole run, with durable commits (the embedded library turns synchronous_commit
 * off by default; a booking benchmark must not). Every server start gets a fresh database of its own, so the
 * scenarios and strategies cannot bias one another through leftover rows.
 */
final class Database implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final Path dataDir;
    private int databases;

    private Database(EmbeddedPostgres postgres, Path dataDir) {
        this.postgres = postgres;
        this.dataDir = dataDir;
    }

    /**
     * A fresh cluster that keeps {@code readyWalGb} of WAL segments ready for reuse, as a busy server keeps what it
     * writes between two checkpoints: a full run writes more than 3 GB, and at 5,700 sales a second the database
     * writes 17 MB of WAL a second.
     */
    static Database start(Path dataDir, int readyWalGb) throws IOException {
        // A run that was killed leaves its data directory behind, and initdb refuses a directory that is not empty.
        deleteTree(dataDir);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(true)
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("fsync", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("max_connections", "300")
                .setServerConfig("shared_buffers", "256MB")
                .setServerConfig("min_wal_size", readyWalGb + "GB")
                .setServerConfig("max_wal_size", 2 * readyWalGb + "GB");
        // MARQUEE_BENCH_PG_STATEMENTS=1 loads pg_stat_statements, for `bench/run quick steady` to show per statement.
        if ("1".equals(System.getenv("MARQUEE_BENCH_PG_STATEMENTS"))) {
            builder.setServerConfig("shared_preload_libraries", "pg_stat_statements")
                    .setServerConfig("pg_stat_statements.track_planning", "on");
        }
        Database database = new Database(builder.start(), dataDir);
        database.prepareWal(readyWalGb);
        return database;
    }

    /**
     * Leaves {@code gb} of WAL segments ready to be reused, as on a server that has run for a while: that
     * much WAL written and then checkpointed, which recycles its segments (min_wal_size keeps them). A fresh cluster
     * instead creates each 16 MB segment when it first needs it, writing it full of zeros and syncing it while
     * holding the WAL write lock, so every commit waits for it: under load a stall every second
     * ({@code IO:WalInitWrite} in {@code bench/run quick steady}) once a run has used up what was prepared.
     */
    private void prepareWal(int gb) throws IOException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_logical_emit_message(false, 'marquee-bench', repeat('x', 1048576))"
                    + " FROM generate_series(1, " + gb * 1024 + ")");
            statement.execute("CHECKPOINT");
        } catch (SQLException e) {
            throw new IOException("Could not prepare the WAL", e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** The postmaster's process id, from the first line of {@code postmaster.pid}. */
    long postmasterPid() {
        try {
            return Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).getFirst().trim());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Creates an empty database and answers its JDBC URL. */
    String freshDatabase() throws SQLException {
        String name = "bench_" + (++databases);
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        return postgres.getJdbcUrl("postgres", name);
    }

    Connection connect(String jdbcUrl) throws SQLException {
        return DriverManager.getConnection(jdbcUrl, "postgres", "");
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
