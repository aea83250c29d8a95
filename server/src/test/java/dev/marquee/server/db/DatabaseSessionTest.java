package dev.marquee.server.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marquee.server.observe.Meters;
import dev.marquee.server.testing.TestServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What every pooled connection is set up with before its first transaction. */
class DatabaseSessionTest {

    private static TestServer server;
    private static Database database;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        database = Database.connect(server.dbUrl(), "postgres", "", 2, Duration.ofMillis(1_500), Meters.create());
    }

    @AfterAll
    static void stop() {
        database.close();
        server.close();
    }

    @Test
    void aLockWaitEndsAtTheConfiguredTimeout() throws SQLException {
        assertEquals("1500ms", setting("lock_timeout"));
    }

    /**
     * A foreign-key check looks its parent row up by key. On a parent table of a few pages whose rows are updated all
     * day (shows and tiers, by their version bumps and counters), PostgreSQL's default costs for a random page chose
     * to read the whole table instead: in a spread step of the benchmark, 17,037 such scans of shows read 2.7 million
     * rows in 8 s. With costs for storage that is cached or solid-state, the check uses the primary key.
     */
    @Test
    void aKeyLookUpInASmallBusyTableUsesItsIndex() throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TEMP TABLE parent_probe (id bigint PRIMARY KEY, version bigint NOT NULL, "
                    + "title text NOT NULL) WITH (fillfactor = 50)");
            statement.execute("INSERT INTO parent_probe SELECT n, 0, repeat('x', 100) FROM generate_series(1, 160) n");
            statement.execute("ANALYZE parent_probe");
            List<String> plan = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery(
                    "EXPLAIN SELECT 1 FROM ONLY parent_probe x WHERE id = 42 FOR KEY SHARE OF x")) {
                while (rows.next()) {
                    plan.add(rows.getString(1));
                }
            }
            assertTrue(plan.stream().anyMatch(line -> line.contains("Index Scan")), () -> String.join("\n", plan));
        }
    }

    private static String setting(String name) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SHOW " + name)) {
            row.next();
            return row.getString(1);
        }
    }
}
