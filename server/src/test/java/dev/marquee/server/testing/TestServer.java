package dev.marquee.server.testing;

import at.favre.lib.crypto.bcrypt.BCrypt;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.marquee.model.auth.Role;
import dev.marquee.server.MarqueeServer;
import dev.marquee.server.Settings;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The real server jar's code on port 0, over a fresh migrated database of its own, plus direct SQL access for
 * set-up and for checking what the server left behind.
 */
public final class TestServer implements AutoCloseable {

    private static final int PASSWORD_COST = 4;
    private static final String PASSWORD = "correct-horse-battery";
    /** Every test runs against both booking strategies: surefire runs the suite once per strategy. */
    private static final String STRATEGY = System.getProperty("marquee.booking-strategy", "optimized");

    private final MarqueeServer server;
    private final HikariDataSource sql;
    private final String baseUrl;
    private final String dbUrl;

    private TestServer(MarqueeServer server, HikariDataSource sql, String dbUrl) {
        this.server = server;
        this.sql = sql;
        this.dbUrl = dbUrl;
        this.baseUrl = "http://localhost:" + server.port();
    }

    public static TestServer start() {
        return start(Duration.ofMinutes(10));
    }

    public static TestServer start(Duration holdTtl) {
        return onDatabase(TestPostgres.freshDatabase(), holdTtl, false);
    }

    /** A server over an existing database (a second instance, or a restart). */
    public static TestServer onDatabase(String dbUrl, Duration holdTtl, boolean demoData) {
        return onDatabase(dbUrl, Tuning.DEFAULT.holdTtl(holdTtl).demoData(demoData));
    }

    /** A server over a fresh database with settings of its own. */
    public static TestServer start(Tuning tuning) {
        return onDatabase(TestPostgres.freshDatabase(), tuning);
    }

    /**
     * The settings a test server runs with: the server's own defaults (application.yaml) with the overrides every
     * test server shares, plus those a test changes, as the MARQUEE_* variables an operator would set.
     */
    public record Tuning(Map<String, String> environment) {

        public static final Tuning DEFAULT = new Tuning(Map.of(
                "MARQUEE_HOLD_TTL_SECONDS", "600",
                "MARQUEE_DEMO_DATA", "false",
                "MARQUEE_SESSION_TTL_HOURS", "1",
                "MARQUEE_DB_POOL_SIZE", "40",
                "MARQUEE_EXPIRY_SWEEP_MS", "200",
                "MARQUEE_PASSWORD_COST", Integer.toString(PASSWORD_COST),
                "MARQUEE_BOOKING_STRATEGY", STRATEGY,
                "MARQUEE_LANE_MAX_WAIT_MS", "5000",
                "MARQUEE_QUEUE_ROUND_MS", "100"));

        /** This setting as an operator would set it, e.g. {@code set("MARQUEE_SIGNUP_BURST", "3")}. */
        public Tuning set(String variable, Object value) {
            Map<String, String> changed = new HashMap<>(environment);
            changed.put(variable, value.toString());
            return new Tuning(Map.copyOf(changed));
        }

        public Tuning holdTtl(Duration value) {
            return set("MARQUEE_HOLD_TTL_SECONDS", value.toSeconds());
        }

        public Tuning demoData(boolean value) {
            return set("MARQUEE_DEMO_DATA", value);
        }

        public Tuning admissionWindow(Duration value) {
            return set("MARQUEE_QUEUE_ADMISSION_SECONDS", value.toSeconds());
        }

        public Tuning autoIdle(Duration value) {
            return set("MARQUEE_QUEUE_AUTO_IDLE_SECONDS", value.toSeconds());
        }

        /**
         * Bookings refused for load when they would wait longer than this in their lane (or its head waited four
         * times this), or when this many await a connection.
         */
        public Tuning refusingAfter(Duration laneWait, int poolWaiting) {
            return set("MARQUEE_LANE_MAX_WAIT_MS", laneWait.toMillis()).set("MARQUEE_POOL_MAX_WAITING", poolWaiting);
        }
    }

    public static TestServer onDatabase(String dbUrl, Tuning tuning) {
        Settings settings = Settings.load(tuning.set("MARQUEE_PORT", 0).set("MARQUEE_ADMIN_PORT", 0).set("MARQUEE_DB_URL", dbUrl).environment());
        MarqueeServer server = MarqueeServer.start(settings);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(dbUrl);
        config.setUsername("postgres");
        config.setMaximumPoolSize(4);
        config.setPoolName("test-sql");
        return new TestServer(server, new HikariDataSource(config), dbUrl);
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** The management port's address: health and metrics. */
    public String managementUrl() {
        return "http://localhost:" + server.managementPort();
    }

    /** An anonymous client of the management port, as an operator's monitoring would be. */
    public ApiClient operator() {
        return new ApiClient(managementUrl(), null, null);
    }

    public String dbUrl() {
        return dbUrl;
    }

    public ApiClient anonymous() {
        return new ApiClient(baseUrl, null, null);
    }

    /** A new user of the given role, signed in over HTTP. */
    public ApiClient signedIn(Role role) {
        String email = role.name().toLowerCase() + "-" + UUID.randomUUID() + "@marquee.test";
        String hash = BCrypt.withDefaults().hashToString(PASSWORD_COST, PASSWORD.toCharArray());
        update("INSERT INTO users (email, password_hash, display_name, role) VALUES (?, ?, ?, ?)",
                email, hash, "Test " + role, role.name());
        ApiResponse login = anonymous().post("/api/auth/login", Map.of("email", email, "password", PASSWORD));
        if (login.status() != 200) {
            throw new IllegalStateException("Test sign-in failed: " + login);
        }
        return new ApiClient(baseUrl, login.body().get("token").asText(), login.body().at("/user/id").asText());
    }

    public ApiClient fan() {
        return signedIn(Role.FAN);
    }

    public ApiClient clerk() {
        return signedIn(Role.CLERK);
    }

    public ApiClient admin() {
        return signedIn(Role.ADMIN);
    }

    /** A pool of its own on this server's database, for tests that drive transactions directly; close it after. */
    public HikariDataSource newPool(int maxSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(dbUrl);
        config.setUsername("postgres");
        config.setMaximumPoolSize(maxSize);
        return new HikariDataSource(config);
    }

        public int update(String statement, Object... params) {
        try (Connection connection = sql.getConnection(); PreparedStatement prepared = prepare(connection, statement, params)) {
            return prepared.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Rows as column-name maps, for assertions on what the server stored. */
    public List<Map<String, Object>> query(String statement, Object... params) {
        try (Connection connection = sql.getConnection(); PreparedStatement prepared = prepare(connection, statement, params);
             ResultSet rows = prepared.executeQuery()) {
            List<Map<String, Object>> result = new ArrayList<>();
            while (rows.next()) {
                Map<String, Object> row = new java.util.LinkedHashMap<>();
                for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                    row.put(rows.getMetaData().getColumnLabel(i), rows.getObject(i));
                }
                result.add(row);
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The single number a query answers, such as a count. */
    public long number(String statement, Object... params) {
        return ((Number) query(statement, params).getFirst().values().iterator().next()).longValue();
    }

    /** Runs {@code whileLocked} while another transaction holds the rows {@code lockingQuery} locks. */
    public <T> T whileLocked(String lockingQuery, java.util.function.Supplier<T> whileLocked, Object... params) {
        try (Connection connection = sql.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement prepared = prepare(connection, lockingQuery, params)) {
                prepared.execute();
                return whileLocked.get();
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PreparedStatement prepare(Connection connection, String statement, Object... params)
            throws SQLException {
        PreparedStatement prepared = connection.prepareStatement(statement);
        for (int i = 0; i < params.length; i++) {
            prepared.setObject(i + 1, params[i]);
        }
        return prepared;
    }

    @Override
    public void close() {
        server.stop();
        sql.close();
    }
}
