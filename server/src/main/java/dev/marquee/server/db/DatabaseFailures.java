package dev.marquee.server.db;

import dev.marquee.server.error.ApiException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/** Turns what PostgreSQL and the pool report into what the caller should hear. */
final class DatabaseFailures {

    private DatabaseFailures() {
    }

    /**
     * What {@code e}, thrown by a statement on {@code connection}, means for the caller. A connection the pool has
     * already closed (an earlier statement on it found the database gone) fails with no SQL state at all.
     */
    static RuntimeException translate(SQLException e, Connection connection) {
        if (closed(connection)) {
            return ApiException.unavailable("The database cannot be reached right now. Please try again shortly.");
        }
        return translate(e);
    }

    static RuntimeException translate(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (e instanceof SQLTransientConnectionException || state.startsWith("08") || state.equals("57P01")
                || state.equals("57P03") || state.equals("53300") || state.equals("25006")) {
            // 25006: a read-only transaction, as on a standby still being promoted or a primary being demoted.
            return ApiException.unavailable("The database cannot be reached right now. Please try again shortly.");
        }
        if (state.equals("55P03") || state.equals("40P01") || state.equals("40001") || state.equals("57014")) {
            return ApiException.unavailable("The system is busy with this show right now. Please try again.");
        }
        return new DatabaseException(e);
    }

    private static boolean closed(Connection connection) {
        try {
            return connection.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    /** An unexpected database failure: logged with a correlation id, answered as INTERNAL. */
    static final class DatabaseException extends RuntimeException {
        DatabaseException(SQLException cause) {
            super("database failure " + cause.getSQLState(), cause);
        }
    }
}
