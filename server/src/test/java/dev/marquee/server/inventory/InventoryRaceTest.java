package dev.marquee.server.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marquee.server.testing.ApiClient;
import dev.marquee.server.testing.ApiResponse;
import dev.marquee.server.testing.TestServer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Admins changing one show's inventory at once: no deadlock, no lost update, counters match the seats. */
class InventoryRaceTest {

    private static final int THREADS = 20;
    private static final int ROUNDS = 10;

    private static TestServer server;
    private static ApiClient admin;
    private static InventoryFixtures fixtures;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        admin = server.admin();
        fixtures = new InventoryFixtures(server, admin);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void twentyAdminsBlockingOverlappingSeatsLeaveCapacitiesEqualToUnblockedSeats() throws Exception {
        long showId = fixtures.show("SEATED", fixtures.venue(4, 10));
        List<Long> seats = fixtures.seatIds(showId);
        long tierA = fixtures.seatedTier(showId, seats.subList(0, 15));
        long tierB = fixtures.seatedTier(showId, seats.subList(15, 25));
        long version = fixtures.version(showId);
        long auditRows = fixtures.auditActions(showId).size();

        List<ApiResponse> answers = race(THREADS, (thread, round) -> {
            // Windows of 8 seats that overlap each other: some straddle both tiers, some hold only seats in no
            // tier, which no tier lock protects.
            int from = (thread * 3 + round * 7) % (seats.size() - 8);
            List<Long> window = seats.subList(from, from + 8);
            String action = (thread + round) % 2 == 0 ? "block" : "unblock";
            return admin.post("/api/admin/shows/" + showId + "/seats/" + action,
                    Map.of("seatIds", window, "reason", "race " + thread));
        });

        answers.forEach(answer -> assertEquals(200, answer.status(), answer::toString));
        for (long tierId : List.of(tierA, tierB)) {
            assertEquals(server.number("SELECT count(*) FROM show_seats WHERE tier_id = ? AND status <> 'BLOCKED'",
                    tierId), server.number("SELECT capacity FROM tiers WHERE id = ?", tierId),
                    "capacity of tier " + tierId + " follows its unblocked seats");
        }
        long changes = fixtures.auditActions(showId).size() - auditRows;
        assertTrue(changes > 0, "some requests changed seats");
        assertEquals(version + changes, fixtures.version(showId), "one version per committed change");
        assertAuditReplaysToTheSeats(showId);
    }

    /** Each seat's audit entries alternate blocked, unblocked, ... and the last one is its state now. */
    private static void assertAuditReplaysToTheSeats(long showId) {
        Map<Long, String> replayed = new HashMap<>();
        for (Map<String, Object> entry : server.query("""
                SELECT a.action, s.seat_id::bigint AS seat_id
                FROM audit_log a CROSS JOIN LATERAL jsonb_array_elements_text(a.details->'seatIds') AS s(seat_id)
                WHERE a.show_id = ? AND a.action IN ('SEATS_BLOCKED', 'SEATS_UNBLOCKED') ORDER BY a.id""", showId)) {
            long seatId = ((Number) entry.get("seat_id")).longValue();
            String status = entry.get("action").equals("SEATS_BLOCKED") ? "BLOCKED" : "AVAILABLE";
            String before = replayed.getOrDefault(seatId, "AVAILABLE");
            assertNotEquals(status, before, "seat " + seatId + " changed twice the same way");
            replayed.put(seatId, status);
        }
        for (Map<String, Object> seat : server.query("SELECT seat_id, status FROM show_seats WHERE show_id = ?",
                showId)) {
            assertEquals(replayed.getOrDefault(((Number) seat.get("seat_id")).longValue(), "AVAILABLE"),
                    seat.get("status"), "seat " + seat.get("seat_id"));
        }
    }

    @Test
    void capacityChangesRacingSeatBlocksOnTheSameShowNeitherDeadlockNorLoseUpdates() throws Exception {
        long showId = fixtures.show("SEATED", fixtures.venue(2, 10));
        List<Long> seats = fixtures.seatIds(showId);
        long tierId = fixtures.seatedTier(showId, seats);
        long version = fixtures.version(showId);
        long auditRows = fixtures.auditActions(showId).size();

        List<ApiResponse> answers = race(THREADS, (thread, round) -> thread % 2 == 0
                ? admin.patch("/api/admin/tiers/" + tierId, Map.of("priceCents", 1_000 + thread * 10 + round))
                : admin.post("/api/admin/shows/" + showId + "/seats/" + (round % 2 == 0 ? "block" : "unblock"),
                        Map.of("seatIds", List.of(seats.get(thread), seats.get((thread + 5) % 20)), "reason", "r")));

        answers.forEach(answer -> assertEquals(200, answer.status(), answer::toString));
        assertEquals(server.number("SELECT count(*) FROM show_seats WHERE tier_id = ? AND status <> 'BLOCKED'",
                tierId), server.number("SELECT capacity FROM tiers WHERE id = ?", tierId));
        long changes = fixtures.auditActions(showId).size() - auditRows;
        assertEquals(version + changes, fixtures.version(showId));
        assertEquals(THREADS / 2 * ROUNDS, server.number(
                "SELECT count(*) FROM audit_log WHERE show_id = ? AND action = 'TIER_CHANGED'", showId));
    }

    @FunctionalInterface
    private interface Move {
        ApiResponse run(int thread, int round);
    }

    /** Runs ROUNDS moves on each of the threads, all released at once; answers every response. */
    private static List<ApiResponse> race(int threads, Move move) throws Exception {
        List<ApiResponse> answers = new CopyOnWriteArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                running.add(pool.submit(() -> {
                    go.await();
                    for (int round = 0; round < ROUNDS; round++) {
                        answers.add(move.run(thread, round));
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> future : running) {
                future.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(threads * ROUNDS, answers.size());
        return answers;
    }
}
