package dev.marquee.server.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marquee.server.Settings;
import dev.marquee.server.auth.ExpiringRows;
import dev.marquee.server.idempotency.Idempotency;
import dev.marquee.server.testing.ApiClient;
import dev.marquee.server.testing.TestServer;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The tables that only grow stay bounded: the sweep deletes what has expired, keeps what has not, and skips rows
 * someone holds locked rather than wait for them.
 */
class RetentionTest {

    private static TestServer server;
    private static Retention retention;
    private static final Map<String, Integer> DELETED = new HashMap<>();

    @BeforeAll
    static void start() {
        // The server sweeps too, but not within this test: the sweeps measured here are the test's own.
        server = TestServer.start(TestServer.Tuning.DEFAULT.set("MARQUEE_RETENTION_BATCH", 7)
                .set("MARQUEE_RETENTION_SWEEP_SECONDS", 3600));
        Settings settings = Settings.load(TestServer.Tuning.DEFAULT.set("MARQUEE_RETENTION_BATCH", 7)
                .set("MARQUEE_DB_URL", server.dbUrl()).environment());
        List<Retention.Rule> rules = new ArrayList<>(ExpiringRows.of(settings.signIn()));
        rules.add(Idempotency.expiringKeys(settings.retention().idempotencyKeys()));
        retention = new Retention(new Transactions(server.newPool(2)), settings.retention().interval(),
                settings.retention().batchSize(), rules,
                batch -> DELETED.merge(batch.getKey(), batch.getValue(), Integer::sum));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void expiredRowsGoInSmallBatchesAndLiveOnesStay() {
        ApiClient fan = server.fan();
        UUID user = UUID.fromString(fan.userId());
        server.update("""
                INSERT INTO idempotency_keys (user_id, idem_key, request_hash, state, created_at)
                VALUES (?, 'recent', '\\x00', 'DONE', now() - interval '23 hours')""", user);
        server.update("INSERT INTO sign_in_attempts (subject, failures) VALUES ('email:recent@example.test', 2)");
        long liveSessions = server.number("SELECT count(*) FROM sessions WHERE expires_at > now()");
        retention.sweep();
        DELETED.clear();
        // What the last sweep left (other tests' rows) is gone; now only this test's rows have expired.
        insertExpired(user);

        int deleted = retention.sweep();

        assertEquals(120, deleted);
        assertEquals(Map.of("sessions", 30, "idempotency_keys", 30, "sign_in_attempts", 30, "signup_buckets", 30),
                DELETED);
        assertEquals(liveSessions, server.number("SELECT count(*) FROM sessions"), "live sessions stay");
        assertEquals(200, fan.get("/api/me").status(), "and still work");
        assertEquals(1, server.number("SELECT count(*) FROM idempotency_keys WHERE idem_key = 'recent'"),
                "keys are kept at least 24 hours");
        assertEquals(0, server.number("SELECT count(*) FROM sign_in_attempts WHERE subject LIKE 'email:old-%'"));
        assertEquals(1, server.number("SELECT count(*) FROM sign_in_attempts WHERE subject = 'email:recent@example.test'"));
        assertEquals(0, server.number("SELECT count(*) FROM signup_buckets"));
    }

    @Test
    void aRowSomeoneHoldsLockedIsSkippedNotWaitedFor() throws Exception {
        ApiClient fan = server.fan();
        server.update("""
                INSERT INTO idempotency_keys (user_id, idem_key, request_hash, state, created_at)
                VALUES (?::uuid, 'locked', '\\x00', 'DONE', now() - interval '30 hours')""", fan.userId());
        try (Connection connection = server.newPool(1).getConnection(); Statement lock = connection.createStatement()) {
            connection.setAutoCommit(false);
            lock.execute("SELECT * FROM idempotency_keys WHERE idem_key = 'locked' FOR UPDATE");

            long started = System.nanoTime();
            retention.sweep();
            assertTrue((System.nanoTime() - started) / 1_000_000 < 4_000, "the sweep did not wait for the lock");
            assertEquals(1, server.number("SELECT count(*) FROM idempotency_keys WHERE idem_key = 'locked'"));
            connection.rollback();
        }
        retention.sweep();
        assertEquals(0, server.number("SELECT count(*) FROM idempotency_keys WHERE idem_key = 'locked'"),
                "gone at the next round");
    }

    private static void insertExpired(UUID user) {
        for (int i = 0; i < 30; i++) {
            server.update("INSERT INTO sessions (token_hash, user_id, expires_at) VALUES (?, ?, now() - interval '1 minute')",
                    UUID.randomUUID().toString().getBytes(), user);
            server.update("""
                    INSERT INTO idempotency_keys (user_id, idem_key, request_hash, state, created_at)
                    VALUES (?, ?, '\\x00', 'DONE', now() - interval '25 hours')""", user, "old-" + i);
            server.update("INSERT INTO sign_in_attempts (subject, failures, last_attempt) VALUES (?, 3, now() - interval '2 hours')",
                    "email:old-" + i + "@example.test");
            server.update("INSERT INTO signup_buckets (address, tokens, counted_at) VALUES (?, 0, now() - interval '2 days')",
                    "10.0.0." + i);
        }
    }
}
