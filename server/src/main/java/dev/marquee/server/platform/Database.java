package dev.marquee.server.platform;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** The connection pool, and the migrations (plus demo data when asked) run on it at start-up. */
public final class Database implements AutoCloseable {

    private final HikariDataSource pool;

    private Database(HikariDataSource pool) {
        this.pool = pool;
    }

    public static Database connect(String url, String user, String password, int poolSize, Duration lockTimeout) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(Math.min(2, poolSize));
        config.setConnectionTimeout(5_000);
        config.setPoolName("marquee");
        // Set once per connection rather than per transaction: a round trip fewer on every booking.
        config.setConnectionInitSql("SET lock_timeout = '" + lockTimeout.toMillis() + "ms'");
        config.setInitializationFailTimeout(30_000);
        return new Database(new HikariDataSource(config));
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

    public DataSource dataSource() {
        return pool;
    }

    @Override
    public void close() {
        pool.close();
    }
}
