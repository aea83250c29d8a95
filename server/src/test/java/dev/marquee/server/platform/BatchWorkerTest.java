package dev.marquee.server.platform;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Batches that gather under load and never hold a lone request back. No database: the work is a lambda. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BatchWorkerTest {

    /** Far longer than a test may take: a batch that waited it out would fail the test by its timeout. */
    private static final Duration LONG_GATHER = Duration.ofMinutes(5);

    private final List<Integer> batchSizes = new CopyOnWriteArrayList<>();

    @Test
    void aLoneRequestIsServedAtOnceHoweverLongABatchMayGather() {
        BatchWorker<Integer, Integer> worker = new BatchWorker<>("test", 10, 100, LONG_GATHER, this::doubleEach);
        try {
            assertEquals(2, worker.submit(1));
            assertEquals(4, worker.submit(2));
            assertEquals(List.of(1, 1), batchSizes);
        } finally {
            worker.stop(Duration.ofSeconds(1));
        }
    }

    @Test
    void underLoadABatchGathersUntilItIsFull() throws Exception {
        CountDownLatch firstBatchRunning = new CountDownLatch(1);
        CountDownLatch releaseFirstBatch = new CountDownLatch(1);
        BatchWorker<Integer, Integer> worker = new BatchWorker<>("test", 4, 100, LONG_GATHER, batch -> {
            if (batchSizes.isEmpty()) {
                firstBatchRunning.countDown();
                awaitQuietly(releaseFirstBatch);
            }
            doubleEach(batch);
        });
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Integer> first = callers.submit(() -> worker.submit(1));
            assertTrue(firstBatchRunning.await(10, TimeUnit.SECONDS));
            // Two wait while the first batch runs: served together, without gathering (the batch before was alone).
            List<Future<Integer>> second = IntStream.of(2, 3).mapToObj(n -> callers.submit(() -> worker.submit(n)))
                    .toList();
            await().atMost(Duration.ofSeconds(10)).until(() -> worker.waiting() == 2);
            releaseFirstBatch.countDown();
            assertEquals(2, first.get(10, TimeUnit.SECONDS));
            for (Future<Integer> answer : second) {
                answer.get(10, TimeUnit.SECONDS);
            }
            // Under load now: the next batch gathers, and goes as soon as it is full.
            List<Future<Integer>> third = IntStream.rangeClosed(4, 7)
                    .mapToObj(n -> callers.submit(() -> worker.submit(n))).toList();
            for (Future<Integer> answer : third) {
                answer.get(10, TimeUnit.SECONDS);
            }
        } finally {
            worker.stop(Duration.ofSeconds(1));
        }
        assertEquals(List.of(1, 2, 4), batchSizes);
    }

    @Test
    void aRequestTheWorkLeavesUnansweredFails() {
        BatchWorker<Integer, Integer> worker = new BatchWorker<>("test", 10, 100, Duration.ZERO, batch -> { });
        try {
            IllegalStateException failure = assertThrows(IllegalStateException.class, () -> worker.submit(1));
            assertTrue(failure.getMessage().contains("unanswered"), failure.getMessage());
        } finally {
            worker.stop(Duration.ofSeconds(1));
        }
    }

    private void doubleEach(List<BatchWorker.Pending<Integer, Integer>> batch) {
        batchSizes.add(batch.size());
        batch.forEach(pending -> pending.answer().complete(pending.request() * 2));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
