package dev.marquee.server.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.IMetricsTracker;
import dev.marquee.server.observe.Meters;
import io.helidon.metrics.api.Timer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** The connection pool, and the migrations (plus demo data when asked) run on it at start-up. */
public final class Database implements AutoCloseable {

    private final HikariDataSource pool;
    private final String url;
    private final String user;
    private final String password;

    private Database(HikariDataSource pool, String url, String user, String password) {
        this.pool = pool;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    public static Database connect(String url, String user, String password, int poolSize, Duration lockTimeout,
                                   Meters meters) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(Math.min(2, poolSize));
        config.setConnectionTimeout(5_000);
        config.setPoolName("marquee");
        // Set once per connection rather than per transaction: a round trip fewer on every booking. A random page
        // costs about what a sequential one does on cached or solid-state storage; at the default (4x) PostgreSQL
        // read a small, busy parent table whole for each foreign-key check of an order's or ticket's show.
        config.setConnectionInitSql(
                "SET lock_timeout = '" + lockTimeout.toMillis() + "ms'; SET random_page_cost = 1.1");
        config.setInitializationFailTimeout(30_000);
        Timer poolWait = meters.timer("marquee_pool_wait_seconds",
                "Time a request waited for a database connection from the pool.");
        config.setMetricsTrackerFactory((poolName, stats) -> {
            meters.gauge("marquee_pool_waiting_threads", "Requests waiting for a database connection now.",
                    stats::getPendingThreads);
            meters.gauge("marquee_pool_active_connections", "Database connections in use now.",
                    stats::getActiveConnections);
            return new IMetricsTracker() {
                @Override
                public void recordConnectionAcquiredNanos(long elapsedAcquiredNanos) {
                    poolWait.record(elapsedAcquiredNanos, TimeUnit.NANOSECONDS);
                }
            };
        });
        return new Database(new HikariDataSource(config), url, user, password);
    }

    /** Migrates from whatever state the database is in; safe when several instances start at once. */
    public void migrate(boolean demoData) {
        var configuration = Flyway.configure()
                .dataSource(pool)
                .locations(demoData
                        ? new String[] {"classpath:db/migration", "classpath:db/demo"}
                        : new String[] {"classpath:db/migration"});
        configuration.load().migrate();
    }

    /** A connection of its own, outside the pool, for work that keeps one open for long (LISTEN). */
    public Connection directConnection() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /** How many requests wait for a connection right now: the queue ahead of the pool. */
    public int waitingForConnection() {
        var pool = this.pool.getHikariPoolMXBean();
        return pool == null ? 0 : pool.getThreadsAwaitingConnection();
    }

    public DataSource dataSource() {
        return pool;
    }

    @Override
    public void close() {
        pool.close();
    }
}
