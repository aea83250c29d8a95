package dev.marquee.server.booking.lanes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.marquee.model.error.ErrorCode;
import dev.marquee.server.booking.stock.ShowVersions;
import dev.marquee.server.db.Transactions;
import dev.marquee.server.error.ApiException;
import dev.marquee.server.error.TooManyRequestsException;
import dev.marquee.server.observe.Meters;
import dev.marquee.server.testing.Shows.Tier;
import dev.marquee.server.testing.Shows;
import dev.marquee.server.testing.TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The optimized strategy's lane, driven directly: what it batches, what it undoes, what it refuses. */
class BookingLaneTest {

    private static TestServer server;
    private static HikariDataSource pool;
    private static Transactions transactions;
    private long showId;
    // Helidon keeps one registry per process: the tests read how far the counters moved.
    private final LaneCounters counters = LaneCounters.registeredIn(Meters.create());
    private final long batchesAtStart = counters.batches().count();
    private final long requestsAtStart = counters.requests().count();
    private final List<BookingLane> lanes = new ArrayList<>();

    @BeforeAll
    static void start() {
        server = TestServer.start();
        server.update("CREATE TABLE lane_probe (job int PRIMARY KEY)");
        pool = server.newPool(4);
        transactions = new Transactions(pool);
    }

    @AfterAll
    static void stop() {
        pool.close();
        server.close();
    }

    @BeforeEach
    void freshShow() {
        server.update("DELETE FROM lane_probe");
        showId = new Shows(server).ga(Tier.ga("GA", 1000, 10)).id();
    }

    @AfterEach
    void closeLanes() {
        lanes.forEach(BookingLane::close);
    }

    @Test
    void requestsWaitingTogetherShareOneCommitAndOneVersionBump() throws Exception {
        BookingLane lane = lane(1000);
        long versionBefore = version();
        Blocker first = blockWith(lane, 0);
        List<Future<Integer>> waiting = new ArrayList<>();
        for (int job = 1; job <= 20; job++) {
            int id = job;
            waiting.add(submit(lane, tx -> probe(tx, id)));
        }
        awaitQueued(lane, 20);
        first.release().countDown();

        assertEquals(0, first.job().get(5, TimeUnit.SECONDS));
        for (int job = 1; job <= 20; job++) {
            assertEquals(job, waiting.get(job - 1).get(5, TimeUnit.SECONDS));
        }
        assertEquals(21, server.number("SELECT count(*) FROM lane_probe"));
        assertEquals(2, version() - versionBefore, "one bump per batch: the first, then the twenty waiting");
        assertEquals(2, batches());
        assertEquals(21, requests());
    }

    @Test
    void aFailingRequestIsUndoneAloneAndHearsItsOwnFailure() throws Exception {
        BookingLane lane = lane(1000);
        Blocker first = blockWith(lane, 1);
        Future<Integer> failing = submit(lane, tx -> {
            probe(tx, 2);
            throw new ApiException(ErrorCode.INSUFFICIENT_INVENTORY, "gone");
        });
        Future<Integer> duplicate = submit(lane, tx -> probe(tx, 1));
        Future<Integer> third = submit(lane, tx -> probe(tx, 3));
        awaitQueued(lane, 3);
        first.release().countDown();

        assertEquals(1, first.job().get(5, TimeUnit.SECONDS));
        assertEquals(ErrorCode.INSUFFICIENT_INVENTORY, assertInstanceOf(ApiException.class, failureOf(failing)).code());
        assertInstanceOf(RuntimeException.class, failureOf(duplicate), "a constraint violation undoes only its own request");
        assertEquals(3, third.get(5, TimeUnit.SECONDS));
        assertEquals(List.of(1, 3), server.query("SELECT job FROM lane_probe ORDER BY job").stream()
                .map(row -> row.get("job")).toList());
    }

    @Test
    void aFailureThatKeepsChangesKeepsThemInsideTheBatch() {
        BookingLane lane = lane(1000);
        assertThrows(ApiException.class, () -> lane.forShow(showId).inTransaction(tx -> {
            probe(tx, 7);
            throw new ApiException(ErrorCode.HOLD_EXPIRED, "expired").keepingChanges();
        }));
        assertEquals(1, server.number("SELECT count(*) FROM lane_probe WHERE job = 7"));
    }

    @Test
    void aFullQueueRefusesAtOnceWithRetryAfter() throws Exception {
        BookingLane lane = lane(2);
        Blocker first = blockWith(lane, 1);
        Future<Integer> second = submit(lane, tx -> probe(tx, 2));
        Future<Integer> third = submit(lane, tx -> probe(tx, 3));
        awaitQueued(lane, 2);

        assertTrue(lane.busy(), "admission asks before the request is read further");
        TooManyRequestsException refused = assertThrows(TooManyRequestsException.class,
                () -> lane.forShow(showId).inTransaction(tx -> probe(tx, 4)));
        assertTrue(refused.retryAfterSeconds() > 0);
        first.release().countDown();
        first.job().get(5, TimeUnit.SECONDS);
        second.get(5, TimeUnit.SECONDS);
        third.get(5, TimeUnit.SECONDS);
        assertFalse(lane.busy());
        assertEquals(3, server.number("SELECT count(*) FROM lane_probe"));
    }

    @Test
    void aLineWhoseHeadHasWaitedFourBudgetsIsStalledAndRefusesAtOnce() throws Exception {
        AtomicLong clock = new AtomicLong();
        BookingLane lane = lane(new LaneLimits(64, 1000, Duration.ofMillis(50), Duration.ZERO), clock::get);
        Blocker first = blockWith(lane, 1);
        Future<Integer> waiting = submit(lane, tx -> probe(tx, 2));
        awaitQueued(lane, 1);
        clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(180));
        assertFalse(lane.busy(), "a head past the budget in a moment's stall is no reason to refuse");
        clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(30));

        assertTrue(lane.busy());
        assertThrows(TooManyRequestsException.class, () -> lane.forShow(showId).inTransaction(tx -> probe(tx, 3)));
        first.release().countDown();
        assertEquals(2, waiting.get(5, TimeUnit.SECONDS));
        int taken = lane.forShow(showId).inTransaction(tx -> probe(tx, 4));
        assertEquals(4, taken, "an empty line takes work again");
    }

    @Test
    void aLineLongerThanTheLaneDrainsWithinTheBudgetRefusesWhileItsHeadIsStillYoung() throws Exception {
        AtomicLong clock = new AtomicLong();
        BookingLane lane = lane(new LaneLimits(2, 1000, Duration.ofMillis(100), Duration.ZERO), clock::get);
        // A full batch of two that takes the worker 120 ms: the lane now drains 60 ms a request.
        Blocker first = blockWith(lane, 1);
        List<Future<Integer>> paced = List.of(submit(lane, tx -> probe(tx, 2)), submit(lane, tx -> {
            clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(120));
            return probe(tx, 3);
        }));
        awaitQueued(lane, 2);
        first.release().countDown();
        for (Future<Integer> job : paced) {
            job.get(5, TimeUnit.SECONDS);
        }

        Blocker next = blockWith(lane, 4);
        Future<Integer> oneAhead = submit(lane, tx -> probe(tx, 5));
        awaitQueued(lane, 1);
        assertFalse(lane.busy(), "one waiting: about 60 ms to wait, within the budget");
        Future<Integer> twoAhead = submit(lane, tx -> probe(tx, 6));
        awaitQueued(lane, 2);

        assertTrue(lane.busy(), "two waiting: about 120 ms to wait, though the head has not waited at all");
        assertThrows(TooManyRequestsException.class, () -> lane.forShow(showId).inTransaction(tx -> probe(tx, 7)));
        next.release().countDown();
        assertEquals(5, oneAhead.get(5, TimeUnit.SECONDS));
        assertEquals(6, twoAhead.get(5, TimeUnit.SECONDS));
        assertFalse(lane.busy());
    }

    @Test
    void aPaceLearnedInAStallDoesNotRefuseALineShorterThanOneBatch() throws Exception {
        AtomicLong clock = new AtomicLong();
        BookingLane lane = lane(new LaneLimits(4, 1000, Duration.ofMillis(100), Duration.ZERO), clock::get);
        // A full batch of four that stalls the worker 400 ms: the pace it teaches is 100 ms a request.
        Blocker first = blockWith(lane, 1);
        List<Future<Integer>> stalled = new ArrayList<>();
        for (int job = 2; job <= 4; job++) {
            int id = job;
            stalled.add(submit(lane, tx -> probe(tx, id)));
        }
        stalled.add(submit(lane, tx -> {
            clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(400));
            return probe(tx, 5);
        }));
        awaitQueued(lane, 4);
        first.release().countDown();
        for (Future<Integer> job : stalled) {
            job.get(5, TimeUnit.SECONDS);
        }

        Blocker next = blockWith(lane, 6);
        List<Future<Integer>> twoWaiting = List.of(submit(lane, tx -> probe(tx, 7)), submit(lane, tx -> probe(tx, 8)));
        awaitQueued(lane, 2);
        assertFalse(lane.busy(), "two waiting go in the next batch, whatever the stalled pace says");
        Future<Integer> third = submit(lane, tx -> probe(tx, 9));
        Future<Integer> fourth = submit(lane, tx -> probe(tx, 10));
        awaitQueued(lane, 4);
        assertTrue(lane.busy(), "a full batch waiting at 100 ms a request: 400 ms to wait");
        next.release().countDown();
        for (Future<Integer> job : List.of(twoWaiting.get(0), twoWaiting.get(1), third, fourth)) {
            job.get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void aBatchWaitsUntilItsFirstRequestIsLingerOldForThoseArrivingMeanwhile() throws Exception {
        BookingLane lane = lane(new LaneLimits(64, 1000, Duration.ofSeconds(30), Duration.ofMillis(300)),
                System::nanoTime);
        Future<Integer> first = submit(lane, tx -> probe(tx, 1));
        awaitLingering(lane);
        Future<Integer> second = submit(lane, tx -> probe(tx, 2));
        Future<Integer> third = submit(lane, tx -> probe(tx, 3));

        assertEquals(1, first.get(5, TimeUnit.SECONDS));
        assertEquals(2, second.get(5, TimeUnit.SECONDS));
        assertEquals(3, third.get(5, TimeUnit.SECONDS));
        assertEquals(1, batches(), "all three in the first request's batch");
        assertEquals(3, requests());
    }

    @Test
    void aFullBatchGoesAtOnceWithoutLingering() throws Exception {
        BookingLane lane = lane(new LaneLimits(2, 1000, Duration.ofSeconds(30), Duration.ofSeconds(30)),
                System::nanoTime);
        Future<Integer> first = submit(lane, tx -> probe(tx, 1));
        awaitLingering(lane);
        Future<Integer> second = submit(lane, tx -> probe(tx, 2));

        assertEquals(1, first.get(5, TimeUnit.SECONDS), "a full batch does not wait out a 30 s linger");
        assertEquals(2, second.get(5, TimeUnit.SECONDS));
        assertEquals(1, batches());
    }

    @Test
    void aClosedLaneTakesNoMoreWork() {
        BookingLane lane = lane(1000);
        lane.close();
        ApiException refused = assertThrows(ApiException.class, () -> lane.forShow(showId).inTransaction(tx -> probe(tx, 1)));
        assertEquals(ErrorCode.SERVICE_UNAVAILABLE, refused.code());
        assertEquals(0, server.number("SELECT count(*) FROM lane_probe"));
    }

    @Test
    void theWorkerIsAPlatformThreadThatFinishesTheQueueAfterCloseAndThenEnds() throws Exception {
        BookingLane lane = lane(1000);
        Blocker first = blockWith(lane, 1);
        Future<Integer> queued = submit(lane, tx -> probe(tx, 2));
        awaitQueued(lane, 1);
        Thread worker = lane.worker();
        assertFalse(worker.isVirtual(), "a virtual worker would wait behind the requests for a carrier thread");

        lane.close();
        first.release().countDown();

        assertEquals(1, first.job().get(5, TimeUnit.SECONDS));
        assertEquals(2, queued.get(5, TimeUnit.SECONDS), "work queued before the close still runs");
        assertTrue(worker.join(Duration.ofSeconds(5)), "the worker ends once the closed lane is empty");
    }

    @Test
    void anErrorThatEscapesABatchIsHeardByItsRequestsAndTheLaneGoesOn() throws Exception {
        BookingLane lane = lane(1000);
        Error boom = new Error("a failure no request expects");
        Future<Integer> failing = submit(lane, tx -> {
            throw boom;
        });

        assertEquals(boom, failureOf(failing).getCause());
        assertEquals(2, (int) lane.forShow(showId).inTransaction(tx -> probe(tx, 2)), "the worker goes on");
    }

    @Test
    void anIdleWorkerWakesForTheNextRequest() throws Exception {
        BookingLane lane = lane(1000);
        assertEquals(1, (int) lane.forShow(showId).inTransaction(tx -> probe(tx, 1)));
        Thread worker = lane.worker();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> worker.getState() == Thread.State.WAITING);

        assertEquals(2, (int) lane.forShow(showId).inTransaction(tx -> probe(tx, 2)));
        assertEquals(worker, lane.worker(), "one worker serves the lane for its whole life");
    }

    /** A lane for generic work only: the sales path is raced over HTTP in the booking tests. */
    private BookingLane lane(int maxQueue) {
        return lane(maxQueue, Duration.ofSeconds(30));
    }

    private BookingLane lane(int maxQueue, Duration maxWait) {
        return lane(new LaneLimits(64, maxQueue, maxWait, Duration.ZERO), System::nanoTime);
    }

    private BookingLane lane(LaneLimits limits, java.util.function.LongSupplier nanoTime) {
        BookingLane lane = new BookingLane(0, transactions, null, limits, counters, nanoTime);
        lanes.add(lane);
        return lane;
    }

    private int probe(dev.marquee.server.db.Tx tx, int job) {
        tx.update("INSERT INTO lane_probe (job) VALUES (?)", job);
        ShowVersions.bump(tx, showId);
        return job;
    }

    private long version() {
        return server.number("SELECT version FROM shows WHERE id = ?", showId);
    }

    private <T> Future<T> submit(BookingLane lane, Transactions.Work<T> work) {
        FutureTask<T> task = new FutureTask<>(() -> lane.forShow(showId).inTransaction(work));
        Thread.ofVirtual().start(task);
        return task;
    }

    /** A first request the lane is busy with until {@code release} is counted down; those after it queue up. */
    private record Blocker(Future<Integer> job, CountDownLatch release) {
    }

    private Blocker blockWith(BookingLane lane, int job) throws InterruptedException {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<Integer> first = submit(lane, tx -> {
            running.countDown();
            await(release);
            return probe(tx, job);
        });
        assertTrue(running.await(5, TimeUnit.SECONDS));
        return new Blocker(first, release);
    }

    /** Until the lane's worker waits, with a request in line, for more to join its batch. */
    private static void awaitLingering(BookingLane lane) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(5))
                .until(() -> lane.worker() != null && lane.worker().getState() == Thread.State.TIMED_WAITING
                        && lane.queued() == 1);
    }

    private static void awaitQueued(BookingLane lane, int count) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(5))
                .until(() -> lane.queued() >= count);
        assertEquals(count, lane.queued());
    }

    private static Throwable failureOf(Future<?> future) throws InterruptedException {
        try {
            future.get(5, TimeUnit.SECONDS);
            throw new AssertionError("expected a failure");
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no answer within 5 s", e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(5, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private long batches() {
        return counters.batches().count() - batchesAtStart;
    }

    private long requests() {
        return counters.requests().count() - requestsAtStart;
    }
}
