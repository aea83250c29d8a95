package dev.marquee.server.db;

import dev.marquee.server.error.ApiException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * The one way a transaction is written: {@code inTransaction(tx -> ...)} commits when the work returns and rolls
 * back when it throws, except for an {@link ApiException#keepChanges()} failure, which commits first. The lock
 * timeout is set on every pooled connection (see {@link Database}); a snapshot's isolation level and read-only
 * mode are its transaction's own, so nothing of them outlives it.
 */
public final class Transactions implements TransactionRunner {

    /** Work done inside one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Tx tx);
    }

    private final DataSource dataSource;

    public Transactions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public <T> T inTransaction(Work<T> work) {
        return run(work, false);
    }

    /** A read-only transaction that sees one consistent snapshot across all its statements. */
    public <T> T inSnapshot(Work<T> work) {
        return run(work, true);
    }

    /**
     * Starts the transaction as a read-only snapshot, in the round trip that begins it. JDBC's
     * {@code setTransactionIsolation} would set the session's level instead: a round trip of its own, and another when
     * the pool sets it back as the connection returns.
     */
    private static void beginSnapshot(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
        }
    }

    private <T> T run(Work<T> work, boolean snapshot) {
        Connection connection = connect();
        try (connection) {
            connection.setAutoCommit(false);
            if (snapshot) {
                beginSnapshot(connection);
            }
            try {
                T result = work.run(new Tx(connection));
                connection.commit();
                return result;
            } catch (ApiException e) {
                if (e.keepChanges()) {
                    connection.commit();
                } else {
                    rollbackQuietly(connection);
                }
                throw e;
            } catch (RuntimeException | Error e) {
                rollbackQuietly(connection);
                throw e;
            }
        } catch (SQLException e) {
            throw DatabaseFailures.translate(e, connection);
        }
    }

    private Connection connect() {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw DatabaseFailures.translate(e);
        }
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // The connection is broken; the pool will discard it and the original failure is what matters.
        }
    }
}
