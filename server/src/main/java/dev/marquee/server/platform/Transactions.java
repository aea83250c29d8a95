package dev.marquee.server.platform;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The one way a transaction is written: {@code inTransaction(tx -> ...)} commits when the work returns and rolls
 * back when it throws, except for an {@link ApiException#keepChanges()} failure, which commits first. The lock
 * timeout is set on every pooled connection (see {@link Database}); the pool resets isolation and read-only
 * mode when a connection comes back.
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

    private <T> T run(Work<T> work, boolean snapshot) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            if (snapshot) {
                connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                connection.setReadOnly(true);
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
