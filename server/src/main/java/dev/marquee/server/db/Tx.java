package dev.marquee.server.db;

import dev.marquee.server.error.ApiException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;

/** One open transaction: plain JDBC with the parameter binding and row mapping written once. */
public final class Tx {

    /** Maps the current row of a result set. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private final Connection connection;
    /** Keys whose statement waits for the end of a batch; null when nothing is deferred. */
    private Set<Long> deferredKeys;
    /** What the batch does with its deferred keys, last. */
    private Consumer<Set<Long>> atEnd;

    Tx(Connection connection) {
        this.connection = connection;
    }

    /** What a statement's failure on this transaction's connection means for the caller. */
    RuntimeException failure(SQLException e) {
        return DatabaseFailures.translate(e, connection);
    }

    /**
     * From now on {@link #deferKey} collects keys (e.g. the shows whose version a batch bumps) instead of their
     * statements running at once; {@link #runDeferred} hands them to {@code atEnd}, in key order, as the batch's last
     * statements. A savepoint that is undone forgets the keys deferred inside it.
     */
    public void deferKeys(Consumer<Set<Long>> atEnd) {
        this.deferredKeys = new TreeSet<>();
        this.atEnd = atEnd;
    }

    /** Defers the key's statement to the end of the batch: false when this transaction defers nothing. */
    public boolean deferKey(long key) {
        if (deferredKeys == null) {
            return false;
        }
        deferredKeys.add(key);
        return true;
    }

    /** Runs the statement for the deferred keys, if any: call as the batch's last statement. */
    public void runDeferred() {
        Set<Long> keys = deferredKeys;
        deferredKeys = null;
        if (keys != null && !keys.isEmpty()) {
            atEnd.accept(keys);
        }
    }

    /**
     * Runs {@code work} inside a savepoint: when it throws, what it did is undone (unless the failure
     * {@linkplain ApiException#keepChanges() keeps changes}) and the rest of the transaction goes on.
     */
    public <T> T inSavepoint(Transactions.Work<T> work) {
        Savepoint savepoint;
        Set<Long> keysBefore = deferredKeys == null ? null : new TreeSet<>(deferredKeys);
        try {
            savepoint = connection.setSavepoint();
        } catch (SQLException e) {
            throw failure(e);
        }
        try {
            T result = work.run(this);
            connection.releaseSavepoint(savepoint);
            return result;
        } catch (ApiException failure) {
            if (!failure.keepChanges()) {
                undo(savepoint, failure, keysBefore);
            }
            throw failure;
        } catch (RuntimeException | Error failure) {
            undo(savepoint, failure, keysBefore);
            throw failure;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private void undo(Savepoint savepoint, Throwable failure, Set<Long> keysBefore) {
        try {
            connection.rollback(savepoint);
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
        deferredKeys = keysBefore;
    }

    /**
     * This transaction's commit returns before its WAL reaches the disk. Only for bookkeeping whose loss in a crash
     * is harmless: a later durable commit on the same server flushes it anyway, as WAL is written in order.
     */
    public void commitWithoutWaitingForDisk() {
        update("SET LOCAL synchronous_commit = off");
    }

    public <T> List<T> list(String sql, RowMapper<T> mapper, Object... params) {
        try (PreparedStatement statement = prepare(sql, params); ResultSet rows = statement.executeQuery()) {
            List<T> result = new ArrayList<>();
            while (rows.next()) {
                result.add(mapper.map(rows));
            }
            return result;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    public <T> Optional<T> first(String sql, RowMapper<T> mapper, Object... params) {
        List<T> rows = list(sql, mapper, params);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.getFirst());
    }

    public <T> T one(String sql, RowMapper<T> mapper, Object... params) {
        return first(sql, mapper, params)
                .orElseThrow(() -> new IllegalStateException("expected one row from: " + sql));
    }

    public int update(String sql, Object... params) {
        try (PreparedStatement statement = prepare(sql, params)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** A bigint[] parameter, for {@code = ANY(?)} and {@code unnest(?)}. */
    public Array bigints(Collection<Long> values) {
        return array("bigint", values.toArray());
    }

    public Array ints(Collection<Integer> values) {
        return array("int", values.toArray());
    }

    public Array uuids(Collection<UUID> values) {
        return array("uuid", values.toArray());
    }

    public Array texts(Collection<String> values) {
        return array("text", values.toArray());
    }

    private Array array(String type, Object[] values) {
        try {
            return connection.createArrayOf(type, values);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Statements to send together in one round trip: see {@link Pipeline}. */
    public Pipeline pipeline() {
        return new Pipeline(this);
    }

    PreparedStatement prepare(String sql, Object... params) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            statement.setObject(i + 1, bindable(params[i]));
        }
        return statement;
    }

    private static Object bindable(Object value) {
        return switch (value) {
            case Instant instant -> instant.atOffset(ZoneOffset.UTC);
            case Enum<?> constant -> constant.name();
            case null, default -> value;
        };
    }

    public static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    public static UUID uuid(ResultSet row, String column) throws SQLException {
        return row.getObject(column, UUID.class);
    }

    public static Long nullableLong(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }
}
