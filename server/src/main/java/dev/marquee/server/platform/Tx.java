package dev.marquee.server.platform;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** One open transaction: plain JDBC with the parameter binding and row mapping written once. */
public final class Tx {

    /** Maps the current row of a result set. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private final Connection connection;

    Tx(Connection connection) {
        this.connection = connection;
    }

    public <T> List<T> list(String sql, RowMapper<T> mapper, Object... params) {
        try (PreparedStatement statement = prepare(sql, params); ResultSet rows = statement.executeQuery()) {
            List<T> result = new ArrayList<>();
            while (rows.next()) {
                result.add(mapper.map(rows));
            }
            return result;
        } catch (SQLException e) {
            throw DatabaseFailures.translate(e);
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
            throw DatabaseFailures.translate(e);
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
            throw DatabaseFailures.translate(e);
        }
    }

    private PreparedStatement prepare(String sql, Object... params) throws SQLException {
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
