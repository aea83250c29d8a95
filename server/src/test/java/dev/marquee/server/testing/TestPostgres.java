package dev.marquee.server.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

/**
 * One real PostgreSQL per test JVM; every test class gets a database of its own, migrated from empty. Where a Docker
 * engine answers, it is a Testcontainers {@code postgres:17}; elsewhere (CI here) the embedded binaries.
 * {@code MARQUEE_TEST_POSTGRES} chooses: {@code auto} (the default), {@code container} or {@code embedded}. Either
 * way the user is {@code postgres} with no password, as the server's defaults expect.
 */
public final class TestPostgres {

    /** A running server the tests' databases are made on. */
    private interface Server {
        Connection admin() throws SQLException;

        String jdbcUrl(String database);
    }

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static Server server;

    private TestPostgres() {
    }

    /** Creates an empty database and answers its JDBC URL (user postgres, no password). */
    public static synchronized String freshDatabase() {
        String name = "marquee_test_" + DATABASES.incrementAndGet();
        try (Connection connection = server().admin(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create test database " + name, e);
        }
        return server().jdbcUrl(name);
    }

    /** Which PostgreSQL the tests run on: the one place that chooses. */
    private static Server server() {
        if (server == null) {
            String choice = System.getenv().getOrDefault("MARQUEE_TEST_POSTGRES", "auto").toLowerCase(Locale.ROOT);
            server = switch (choice) {
                case "container" -> container();
                case "embedded" -> embedded();
                case "auto" -> dockerEngineAnswers() ? container() : embedded();
                default -> throw new IllegalStateException(
                        "MARQUEE_TEST_POSTGRES must be auto, container or embedded, not '" + choice + "'");
            };
        }
        return server;
    }

    /** Asks Testcontainers only where an engine could be: probing for one that is not there takes seconds. */
    private static boolean dockerEngineAnswers() {
        boolean engineNamed = System.getenv("DOCKER_HOST") != null
                || Files.exists(Path.of("/var/run/docker.sock"))
                || Files.exists(Path.of(System.getProperty("user.home"), ".testcontainers.properties"));
        return engineNamed && DockerClientFactory.instance().isDockerAvailable();
    }

    @SuppressWarnings("resource") // stopped by Testcontainers' own reaper when the JVM ends
    private static Server container() {
        PostgreSQLContainer<?> postgres = new PostgreSQLContainer<>("postgres:17")
                .withUsername("postgres")
                .withPassword("postgres")
                .withEnv("POSTGRES_HOST_AUTH_METHOD", "trust")
                .withCommand("postgres", "-c", "max_connections=400", "-c", "fsync=off");
        postgres.start();
        String base = "jdbc:postgresql://" + postgres.getHost() + ":" + postgres.getMappedPort(5432) + "/";
        return new Server() {
            @Override
            public Connection admin() throws SQLException {
                return DriverManager.getConnection(base + "postgres", "postgres", "");
            }

            @Override
            public String jdbcUrl(String database) {
                return base + database;
            }
        };
    }

    private static Server embedded() {
        EmbeddedPostgres postgres;
        try {
            postgres = EmbeddedPostgres.builder().setServerConfig("max_connections", "400").start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL for tests", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close();
            } catch (IOException ignored) {
                // the JVM is going away; the temporary data directory goes with it
            }
        }));
        return new Server() {
            @Override
            public Connection admin() throws SQLException {
                return postgres.getPostgresDatabase().getConnection();
            }

            @Override
            public String jdbcUrl(String database) {
                return postgres.getJdbcUrl("postgres", database);
            }
        };
    }
}
