package dev.marquee.server.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.marquee.server.testing.TestServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The columns of the append-only tables that are only ever read back, never searched on, get no statistics: the
 * analyses autovacuum runs while sales append rows cost the audit log about a third as much (V7).
 */
class StoredAnswerStatisticsTest {

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void analyzingTheAuditLogKeepsStatisticsOnlyForWhatQueriesSearch() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO audit_log (actor, action, show_id, details) SELECT 'clerk@marquee.test', "
                    + "'SALE', n % 7, jsonb_build_object('orderId', n) FROM generate_series(1, 500) n");
            statement.execute("ANALYZE audit_log");
            assertEquals(Set.of("at", "id", "show_id"), columnsWithStatistics(statement, "audit_log"));
        }
    }

    @Test
    void theStoredAnswerAndRequestHashOfAKeyGetNoStatistics() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            assertEquals(Set.of("request_hash", "response_body"), columnsWithoutStatistics(statement, "idempotency_keys"));
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(server.dbUrl(), "postgres", "");
    }

    private static Set<String> columnsWithStatistics(Statement statement, String table) throws SQLException {
        return names(statement, "SELECT attname FROM pg_stats WHERE schemaname = 'public' AND tablename = '" + table + "'");
    }

    private static Set<String> columnsWithoutStatistics(Statement statement, String table) throws SQLException {
        return names(statement, "SELECT attname FROM pg_attribute WHERE attrelid = '" + table + "'::regclass "
                + "AND attnum > 0 AND NOT attisdropped AND attstattarget = 0");
    }

    private static Set<String> names(Statement statement, String query) throws SQLException {
        Set<String> names = new TreeSet<>();
        try (ResultSet rows = statement.executeQuery(query)) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }
}
