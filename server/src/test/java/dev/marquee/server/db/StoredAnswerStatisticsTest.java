package dev.marquee.server.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.marquee.server.testing.TestServer;
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
    void analyzingTheAuditLogKeepsStatisticsOnlyForWhatQueriesSearch() {
        server.update("INSERT INTO audit_log (actor, action, show_id, details) SELECT 'clerk@marquee.test', "
                + "'SALE', n % 7, jsonb_build_object('orderId', n) FROM generate_series(1, 500) n");
        server.update("ANALYZE audit_log");
        assertEquals(Set.of("at", "id", "show_id"),
                names("SELECT attname FROM pg_stats WHERE schemaname = 'public' AND tablename = ?", "audit_log"));
    }

    @Test
    void theStoredAnswerAndRequestHashOfAKeyGetNoStatistics() {
        assertEquals(Set.of("request_hash", "response_body"), names("SELECT attname FROM pg_attribute "
                + "WHERE attrelid = ?::regclass AND attnum > 0 AND NOT attisdropped AND attstattarget = 0",
                "idempotency_keys"));
    }

    private static Set<String> names(String query, String table) {
        Set<String> names = new TreeSet<>();
        server.query(query, table).forEach(row -> names.add(String.valueOf(row.get("attname"))));
        return names;
    }
}
