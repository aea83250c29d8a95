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

    static Database start(Path dataDir) throws IOException {
        // A run that was killed leaves its data directory behind, and initdb refuses a directory that is not empty.
        deleteTree(dataDir);
        return new Database(EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(true)
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("fsync", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("max_connections", "300")
                .setServerConfig("shared_buffers", "256MB")
                .start(), dataDir);
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
