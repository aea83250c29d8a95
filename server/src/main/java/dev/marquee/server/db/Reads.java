package dev.marquee.server.db;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbClientException;
import io.helidon.dbclient.DbColumn;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import io.helidon.dbclient.DbStatements;
import io.helidon.dbclient.DbTransaction;
import io.helidon.dbclient.jdbc.JdbcClientBuilder;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * Request/response reads through Helidon's DbClient, with the named statements of {@code statements.yaml}, on the
 * server's one connection pool. Each read runs in one read-only snapshot, so the statements of an answer agree
 * with each other, and fails the way every database access fails here (503 while the database cannot be reached,
 * see {@link DatabaseFailures}).
 *
 * <p>The pool is the server's ({@link Database}); DbClient only borrows its connections, so nothing here is closed.
 *
 * <p>Bookings do not come here: they lock stock in the global lock order and send their statements in pipelines
 * (several statements in one round trip, see {@link Pipeline}), which DbClient cannot do; they keep {@link Tx}.
 */
public final class Reads {

    private final DbClient client;

    private Reads(DbClient client) {
        this.client = client;
    }

    /** DbClient on the given pool, with the statements of {@code statements.yaml} on the class path. */
    public static Reads on(DataSource pool) {
        Config statements = Config.just(ConfigSources.classpath("statements.yaml")).get("statements");
        DbClient client = JdbcClientBuilder.create()
                .connectionPool(() -> {
                    try {
                        return pool.getConnection();
                    } catch (SQLException e) {
                        throw DatabaseFailures.translate(e);
                    }
                })
                .statements(DbStatements.create(statements))
                .build();
        return new Reads(client);
    }

    /** The work's reads, in one read-only transaction that sees a single snapshot. */
    public <T> T snapshot(Function<DbExecute, T> work) {
        DbTransaction transaction = begin();
        try {
            transaction.dml("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            T result = work.apply(transaction);
            transaction.commit();
            return result;
        } catch (DbClientException e) {
            rollBack(transaction);
            throw translate(e);
        } catch (RuntimeException | Error e) {
            rollBack(transaction);
            throw e;
        }
    }

    private DbTransaction begin() {
        try {
            return client.transaction();
        } catch (DbClientException e) {
            throw translate(e);
        }
    }

    private static void rollBack(DbTransaction transaction) {
        try {
            transaction.rollback();
        } catch (RuntimeException alsoFailed) {
            // The connection is already lost; the pool discards it, and the first failure is the one to report.
        }
    }

    private static RuntimeException translate(DbClientException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return DatabaseFailures.translate(sql);
            }
        }
        return e;
    }

    /** A timestamp column as an instant; null stays null. */
    public static Instant instant(DbRow row, String column) {
        Object value = value(row, column);
        return switch (value) {
            case null -> null;
            case Timestamp timestamp -> timestamp.toInstant();
            case OffsetDateTime offset -> offset.toInstant();
            case Instant instant -> instant;
            default -> throw new IllegalStateException(column + " is not a timestamp: " + value.getClass());
        };
    }

    /** A numeric column (int, bigint or numeric alike) as a long. */
    public static long number(DbRow row, String column) {
        return ((Number) row.column(column).get()).longValue();
    }

    /** A numeric column that may be null. */
    public static Long nullableNumber(DbRow row, String column) {
        Object value = value(row, column);
        return value == null ? null : ((Number) value).longValue();
    }

    public static String text(DbRow row, String column) {
        return (String) value(row, column);
    }

    /** The column's value, null for SQL NULL (a column's own get() throws on NULL). */
    private static Object value(DbRow row, String column) {
        DbColumn value = row.column(column);
        return value.isPresent() ? value.get() : null;
    }

    public static boolean flag(DbRow row, String column) {
        return (Boolean) row.column(column).get();
    }
}
