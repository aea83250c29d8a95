package dev.marquee.server.db;

import dev.marquee.server.error.ApiException;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbClientException;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbStatements;
import io.helidon.dbclient.DbTransaction;
import io.helidon.dbclient.jdbc.JdbcClientBuilder;
import java.sql.SQLException;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * Request/response data access through Helidon's DbClient, with the named statements of {@code statements.yaml}, on
 * the server's one connection pool. A read runs in one read-only snapshot, so the statements of an answer agree
 * with each other; a change runs in one transaction. Either fails the way every database access fails here (503
 * while the database cannot be reached, see {@link DatabaseFailures}). Rows are read through {@link Row}.
 *
 * <p>The pool is the server's ({@link Database}); DbClient only borrows its connections, so nothing here is closed.
 *
 * <p>Bookings, and whatever locks stock or bumps a show's version, do not come here: they lock rows in the global
 * lock order and send their statements in pipelines (several statements in one round trip, see {@link Pipeline}),
 * which DbClient cannot do; they keep {@link Tx}.
 */
public final class Statements {

    private final DbClient client;

    private Statements(DbClient client) {
        this.client = client;
    }

    /** DbClient on the given pool, with the statements of {@code statements.yaml} on the class path. */
    public static Statements on(DataSource pool) {
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
        return new Statements(client);
    }

    /**
     * One statement's read, outside any transaction: a single statement sees one snapshot by itself, and this costs
     * one round trip where {@link #snapshot} costs three (the transaction's settings, the read, the commit). For the
     * reads made on every request of an on-sale: a session, an admission, a line's row.
     */
    public <T> T read(Function<DbExecute, T> oneStatement) {
        try {
            return oneStatement.apply(client.execute());
        } catch (DbClientException e) {
            throw translate(e);
        }
    }

    /** The work's reads, in one read-only transaction that sees a single snapshot. */
    public <T> T snapshot(Function<DbExecute, T> work) {
        return run(work, true);
    }

    /**
     * The work in one transaction: committed when it returns, rolled back when it throws, except for an
     * {@link ApiException#keepChanges()} refusal, which commits first (as {@link Transactions} does).
     */
    public <T> T transaction(Function<DbExecute, T> work) {
        return run(work, false);
    }

    private <T> T run(Function<DbExecute, T> work, boolean snapshot) {
        DbTransaction transaction = begin();
        try {
            if (snapshot) {
                transaction.dml("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            }
            T result = work.apply(transaction);
            transaction.commit();
            return result;
        } catch (ApiException e) {
            if (e.keepChanges()) {
                commit(transaction);
            } else {
                rollBack(transaction);
            }
            throw e;
        } catch (DbClientException e) {
            rollBack(transaction);
            throw translate(e);
        } catch (RuntimeException | Error e) {
            rollBack(transaction);
            throw e;
        }
    }

    private static void commit(DbTransaction transaction) {
        try {
            transaction.commit();
        } catch (DbClientException e) {
            throw translate(e);
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

    /** DbClient wraps what failed: the pool's own answer (already translated) or the driver's exception. */
    private static RuntimeException translate(DbClientException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ApiException answer) {
                return answer;
            }
            if (cause instanceof SQLException sql) {
                return DatabaseFailures.translate(sql);
            }
        }
        return e;
    }
}
