package dev.marquee.server.db;

import io.helidon.dbclient.DbColumn;
import io.helidon.dbclient.DbRow;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One result row, read by column name the same way whichever path fetched it: DbClient's {@link DbRow} in
 * {@link Statements} or a JDBC {@link ResultSet} in {@link Tx}. A mapping written against a {@code Row} serves a
 * read through DbClient and the locking read of the same rows inside a booking transaction alike.
 */
@FunctionalInterface
public interface Row {

    /** The column's value as the driver gives it; null for SQL NULL. */
    Object value(String column);

    static Row of(DbRow row) {
        return column -> {
            DbColumn value = row.column(column);
            return value.isPresent() ? value.get() : null;
        };
    }

    /** The result set's current row; read it before the result set moves on. */
    static Row of(ResultSet row) {
        return column -> {
            try {
                return row.getObject(column);
            } catch (SQLException e) {
                throw new IllegalStateException("The row has no column " + column, e);
            }
        };
    }

    default String text(String column) {
        return (String) value(column);
    }

    /** A numeric column (int, bigint or numeric alike) as a long. */
    default long number(String column) {
        return ((Number) value(column)).longValue();
    }

    /** A numeric column that may be null. */
    default Long nullableNumber(String column) {
        Object value = value(column);
        return value == null ? null : ((Number) value).longValue();
    }

    default double decimal(String column) {
        return ((Number) value(column)).doubleValue();
    }

    default boolean flag(String column) {
        return (Boolean) value(column);
    }

    default UUID uuid(String column) {
        return (UUID) value(column);
    }

    /** A timestamp column as an instant; null stays null. */
    default Instant instant(String column) {
        Object value = value(column);
        return switch (value) {
            case null -> null;
            case Timestamp timestamp -> timestamp.toInstant();
            case OffsetDateTime offset -> offset.toInstant();
            case Instant instant -> instant;
            default -> throw new IllegalStateException(column + " is not a timestamp: " + value.getClass());
        };
    }
}
