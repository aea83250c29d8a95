package dev.marquee.server.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.marquee.server.booking.stock.ShowVersions;
import dev.marquee.server.testing.Shows.Tier;
import dev.marquee.server.testing.Shows;
import dev.marquee.server.testing.TestServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/** Statements sent together in one round trip, and the one-statement version bump of many shows built on it. */
class PipelineTest {

    private static TestServer server;
    private static HikariDataSource pool;
    private static Transactions transactions;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        server.update("CREATE TABLE pipeline_probe (n int PRIMARY KEY)");
        pool = server.newPool(4);
        transactions = new Transactions(pool);
    }

    @AfterAll
    static void stop() {
        pool.close();
        server.close();
    }

    @BeforeEach
    void empty() {
        server.update("DELETE FROM pipeline_probe");
    }

    @Test
    void aTransactionThatPlansOncePerConnectionReusesItsGenericPlanWhereCustomPlansWouldBeChosen() {
        try (HikariDataSource one = server.newPool(1)) {
            Transactions onOneConnection = new Transactions(one);
            String perExecution = "SELECT n FROM pipeline_probe WHERE n = ANY(?) /* planned per execution */";
            String once = "SELECT n FROM pipeline_probe WHERE n = ANY(?) /* planned once */";
            for (int i = 0; i < 10; i++) {
                onOneConnection.inTransaction(tx -> {
                    tx.pipeline().query(perExecution, row -> null, tx.ints(List.of(1, 2))).run();
                    tx.pipeline().planOncePerConnection().query(once, row -> null, tx.ints(List.of(1, 2))).run();
                    return null;
                });
            }
            List<long[]> plans = onOneConnection.inTransaction(tx -> tx.list("""
                    SELECT generic_plans, custom_plans FROM pg_prepared_statements
                    WHERE statement LIKE '%pipeline_probe%planned%' ORDER BY statement LIKE '%once%'""",
                    row -> new long[] {row.getLong(1), row.getLong(2)}));

            assertEquals(2, plans.size(), "both prepared on the connection once used often enough");
            assertTrue(plans.get(0)[1] > 0, "PostgreSQL plans an array look-up for each execution by itself");
            assertEquals(0, plans.get(1)[1], "no custom plans once told to reuse the generic one");
            assertTrue(plans.get(1)[0] > 0);
        }
    }

    @Test
    void statementsRunInTheOrderAddedAndEachCheckHearsItsRowCount() {
        List<String> heard = new ArrayList<>();
        transactions.inTransaction(tx -> {
            tx.pipeline()
                    .add("INSERT INTO pipeline_probe SELECT unnest(?::int[])", rows -> heard.add("insert " + rows),
                            tx.ints(List.of(1, 2, 3)))
                    .add("UPDATE pipeline_probe SET n = n * 10 WHERE n > ?", rows -> heard.add("update " + rows), 1)
                    .add("SELECT n FROM pipeline_probe ORDER BY n", rows -> heard.add("select " + rows))
                    .run();
            return null;
        });
        assertEquals(List.of("insert 3", "update 2", "select 3"), heard);
        assertEquals(List.of(1L, 20L, 30L), numbers("SELECT n FROM pipeline_probe ORDER BY n"));
    }

    @Test
    void aFailingStatementStopsTheRestAndTheTransactionLeavesNothing() {
        List<String> heard = new ArrayList<>();
        assertThrows(RuntimeException.class, () -> transactions.inTransaction(tx -> {
            tx.pipeline()
                    .add("INSERT INTO pipeline_probe VALUES (?)", rows -> heard.add("first"), 7)
                    .add("INSERT INTO pipeline_probe VALUES (?)", rows -> heard.add("duplicate"), 7)
                    .add("INSERT INTO pipeline_probe VALUES (?)", rows -> heard.add("after"), 8)
                    .run();
            return null;
        }));
        assertEquals(List.of(), heard, "no check runs when a statement failed");
        assertEquals(0, server.number("SELECT count(*) FROM pipeline_probe"));
    }

    @Test
    void aCheckThatThrowsFailsTheTransaction() {
        assertThrows(IllegalStateException.class, () -> transactions.inTransaction(tx -> {
            tx.pipeline().add("INSERT INTO pipeline_probe VALUES (?)", rows -> {
                throw new IllegalStateException("refused by its check");
            }, 9).run();
            return null;
        }));
        assertEquals(0, server.number("SELECT count(*) FROM pipeline_probe"));
    }

    @Test
    void oneBumpStatementRaisesEveryShowOnceAndNotifiesEachInIdOrder() throws SQLException {
        Shows shows = new Shows(server);
        List<Long> ids = List.of(shows.ga(Tier.ga("GA", 10, 10)).id(), shows.ga(Tier.ga("GA", 10, 10)).id(),
                shows.ga(Tier.ga("GA", 10, 10)).id());
        List<Long> before = ids.stream().map(PipelineTest::version).toList();
        try (Connection listener = DriverManager.getConnection(server.dbUrl(), "postgres", ""); Statement listen = listener.createStatement()) {
            listen.execute("LISTEN " + ShowVersions.CHANNEL);
            transactions.inTransaction(tx -> {
                Pipeline bumps = tx.pipeline();
                ShowVersions.bumpAll(bumps, List.of(ids.get(2), ids.get(0), ids.get(1), ids.get(0)));
                bumps.run();
                return null;
            });
            List<String> payloads = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (payloads.size() < 3 && System.nanoTime() < deadline) {
                PGNotification[] arrived = listener.unwrap(PGConnection.class).getNotifications(500);
                for (PGNotification notification : arrived == null ? new PGNotification[0] : arrived) {
                    payloads.add(notification.getParameter());
                }
            }
            for (int i = 0; i < ids.size(); i++) {
                assertEquals(before.get(i) + 1, version(ids.get(i)), "show " + ids.get(i) + " bumped once");
                String[] parts = payloads.get(i).split(":");
                assertEquals(ids.get(i), Long.parseLong(parts[0]), "notified in id order: " + payloads);
                assertEquals(before.get(i) + 1, Long.parseLong(parts[1]));
            }
        }
    }

    /**
     * Each transaction first takes a key-share lock on the show, as the foreign key of an order does, then
     * bumps it. The bump's lock must not conflict with key-share locks: FOR UPDATE would make each wait for the other.
     */
    @Test
    void transactionsHoldingTheShowsKeyShareLockAllBumpItWithoutDeadlock() throws Exception {
        long showId = new Shows(server).ga(Tier.ga("GA", 10, 10)).id();
        long before = version(showId);
        int racers = 4;
        CyclicBarrier allKeyShared = new CyclicBarrier(racers);
        ExecutorService threads = Executors.newFixedThreadPool(racers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                done.add(threads.submit(() -> transactions.inTransaction(tx -> {
                    tx.list("SELECT id FROM shows WHERE id = ? FOR KEY SHARE", row -> row.getLong(1), showId);
                    await(allKeyShared);
                    ShowVersions.bump(tx, showId);
                    return null;
                })));
            }
            for (Future<?> racer : done) {
                racer.get(30, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        assertEquals(before + racers, version(showId));
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static long version(long showId) {
        return server.number("SELECT version FROM shows WHERE id = ?", showId);
    }

    private static List<Long> numbers(String sql) {
        return server.query(sql).stream().map(row -> ((Number) row.values().iterator().next()).longValue()).toList();
    }
}
