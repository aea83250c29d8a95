package dev.marquee.server.booking.lanes;

import dev.marquee.server.booking.orders.SaleJob;
import dev.marquee.server.booking.orders.SaleOutcome;
import dev.marquee.server.booking.orders.SaleService;
import dev.marquee.server.booking.stock.LockOrder;
import dev.marquee.server.booking.stock.ShowVersions;
import dev.marquee.server.db.TransactionRunner;
import dev.marquee.server.db.Transactions;
import dev.marquee.server.db.Tx;
import dev.marquee.server.error.ApiException;
import dev.marquee.server.error.TooManyRequestsException;
import dev.marquee.server.platform.Futures;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;

/**
 * The requests waiting to book the shows of one lane, drained into shared transactions by one worker at a time, in
 * arrival order. Consecutive box-office sales are sold together by {@link SaleService#sellAll}; other work (holds)
 * runs each in its own savepoint after the tiers of its batch's shows are locked once in id order (the global lock
 * order), with each show's version bumped once as the last statements. One commit per batch, then every request
 * is answered. A request that fails is undone alone; the others go on.
 *
 * <p>The worker is a platform thread of its own, not a virtual one: requests run on virtual threads that share the
 * machine's few carrier threads, and a lane worker queued behind hundreds of them (parsing, answering, being
 * refused) would hold up every request of its shows. The operating system schedules it as soon as its database
 * answers.
 */
final class BookingLane {

    private sealed interface Job permits Work, Sale {
        long queuedAtNanos();
    }

    private record Work(long showId, Transactions.Work<?> work, CompletableFuture<Object> answer,
                        long queuedAtNanos) implements Job {
    }

    private record Sale(SaleJob job, CompletableFuture<SaleOutcome> answer, long queuedAtNanos) implements Job {
    }

    /** How many latency budgets the head of the line may wait before the lane counts as stalled. */
    static final int STALLED_AFTER_BUDGETS = 4;

    private final int number;
    private final Transactions transactions;
    private final SaleService sales;
    private final LaneLimits limits;
    private final LaneCounters counters;
    private final LongSupplier nanoTime;
    private final ArrayDeque<Job> queue = new ArrayDeque<>();
    /** What one request of a well-filled batch has recently cost the worker, in nanoseconds; 0 until measured. */
    private double nanosPerRequest;
    private Thread worker;
    private boolean idle;
    /** The worker waits for its batch to fill (see {@link #lingerForMore}). */
    private boolean lingering;
    private boolean closed;

    BookingLane(int number, Transactions transactions, SaleService sales, LaneLimits limits, LaneCounters counters,
                LongSupplier nanoTime) {
        this.number = number;
        this.nanoTime = nanoTime;
        this.transactions = transactions;
        this.sales = sales;
        this.limits = limits;
        this.counters = counters;
    }

    /** Runs work on the show's inventory in this lane's next batch. */
    TransactionRunner forShow(long showId) {
        return forShow(showId, true);
    }

    /** As above; with {@code refuseWhenBusy} false the work joins the line however busy it is. */
    TransactionRunner forShow(long showId, boolean refuseWhenBusy) {
        return new TransactionRunner() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> T inTransaction(Transactions.Work<T> work) {
                Work job = new Work(showId, work, new CompletableFuture<>(), nanoTime.getAsLong());
                enqueue(job, refuseWhenBusy);
                return (T) Futures.join(job.answer());
            }
        };
    }

    SaleOutcome sell(SaleJob sale) {
        Sale job = new Sale(sale, new CompletableFuture<>(), nanoTime.getAsLong());
        enqueue(job, true);
        return Futures.join(job.answer());
    }

    synchronized int queued() {
        return queue.size();
    }

    /** Takes no more work; the worker finishes what is queued, then ends. */
    synchronized void close() {
        closed = true;
        notifyAll();
    }

    /** The worker's thread, once the first request started it. */
    synchronized Thread worker() {
        return worker;
    }

    private synchronized void enqueue(Job job, boolean refuseWhenBusy) {
        if (closed) {
            throw ApiException.unavailable("The server is shutting down. Please try again in a moment.");
        }
        if (refuseWhenBusy && busyAt(job.queuedAtNanos())) {
            throw busyRefusal();
        }
        queue.add(job);
        if (worker == null) {
            startWorker();
        } else if (idle || (lingering && queue.size() >= limits.maxBatch())) {
            notifyAll();
        }
    }

    /** True when a request arriving now would be refused: see {@link #busyAt}. */
    synchronized boolean busy() {
        return busyAt(nanoTime.getAsLong());
    }

    /**
     * True when a request arriving at {@code nowNanos} would find the line full, at least a full batch ahead of it
     * and so many that at the lane's recent pace under load it would wait longer than the budget, or its head
     * waiting {@value #STALLED_AFTER_BUDGETS} budgets already (the lane is stalled, e.g. on its database). The pace
     * is what tells overload from a moment's stall: on a busy machine a commit or a collection now and then keeps
     * the head waiting past the budget while the lane, a batch later, has caught up, and refusing on the head's age
     * alone turned away requests at two thirds of the lane's capacity. A line shorter than a batch goes in the next
     * batch whatever the pace says: the pace is learned only from well-filled batches, so after a stall it can stay
     * high while the lane, serving small batches, drains quickly, and would refuse for nothing.
     */
    private boolean busyAt(long nowNanos) {
        long budget = limits.maxWait().toNanos();
        return queue.size() >= limits.maxQueue()
                || (queue.size() >= limits.maxBatch() && queue.size() * nanosPerRequest > budget)
                || (!queue.isEmpty() && nowNanos - queue.peek().queuedAtNanos() > STALLED_AFTER_BUDGETS * budget);
    }

    /**
     * Learns the lane's pace from a batch that took {@code elapsedNanos}: only from batches at least half full,
     * because a lone request costs the worker a whole transaction and says nothing of how fast a long line drains.
     */
    private synchronized void paced(int size, long elapsedNanos) {
        if (size * 2 < limits.maxBatch()) {
            return;
        }
        double sample = (double) elapsedNanos / size;
        nanosPerRequest = nanosPerRequest == 0 ? sample : 0.8 * nanosPerRequest + 0.2 * sample;
    }

    /** The answer to a request that finds its line busy. */
    static TooManyRequestsException busyRefusal() {
        return new TooManyRequestsException("These shows are very busy right now. Please try again in a moment.",
                Duration.ofSeconds(1));
    }

    private void drain() {
        try {
            while (true) {
                List<Job> batch = nextBatch();
                if (batch.isEmpty()) {
                    return;
                }
                counters.batches().increment();
                counters.requests().increment(batch.size());
                long started = nanoTime.getAsLong();
                try {
                    run(batch);
                    paced(batch.size(), nanoTime.getAsLong() - started);
                } catch (RuntimeException | Error failure) {
                    // Whatever escaped, nobody in the batch may wait for ever: those not answered yet hear it, and
                    // the worker goes on with the next batch.
                    batch.forEach(job -> answerOf(job).completeExceptionally(failure));
                }
            }
        } finally {
            workerEnded();
        }
    }

    private void run(List<Job> batch) {
        if (batch.getFirst() instanceof Sale) {
            runSales(batch.stream().map(Sale.class::cast).toList());
        } else {
            runWorks(batch.stream().map(Work.class::cast).toList());
        }
    }

    private static CompletableFuture<?> answerOf(Job job) {
        return switch (job) {
            case Sale sale -> sale.answer();
            case Work work -> work.answer();
        };
    }

    /** A worker that ended while the lane is open (interrupted) is replaced, so the line keeps moving. */
    private synchronized void workerEnded() {
        worker = closed ? worker : null;
        if (!closed && !queue.isEmpty()) {
            startWorker();
        }
    }

    private void startWorker() {
        worker = Thread.ofPlatform().name("booking-lane-" + number).daemon().start(this::drain);
    }

    /**
     * The longest run of waiting jobs of one kind, at most {@code maxBatch}, waiting for the first to arrive; empty
     * once the lane is closed and nothing is left.
     */
    private synchronized List<Job> nextBatch() {
        try {
            while (queue.isEmpty() && !closed) {
                idle = true;
                try {
                    wait();
                } finally {
                    idle = false;
                }
            }
            lingerForMore();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
        List<Job> batch = new ArrayList<>();
        while (!queue.isEmpty() && batch.size() < limits.maxBatch()
                && (batch.isEmpty() || queue.peek().getClass() == batch.getFirst().getClass())) {
            batch.add(queue.poll());
        }
        return batch;
    }

    /**
     * Waits, once, until the request at the head of the line is {@link LaneLimits#linger} old, unless a full batch
     * is waiting already; the lock is held. Without it, a lane that is busy but not full runs a transaction for
     * every two or three requests (each costing the database about a millisecond whatever its size), back to back.
     */
    private void lingerForMore() throws InterruptedException {
        if (queue.isEmpty() || closed || queue.size() >= limits.maxBatch()) {
            return;
        }
        long remaining = limits.linger().toNanos() - (nanoTime.getAsLong() - queue.peek().queuedAtNanos());
        if (remaining <= 0) {
            return;
        }
        lingering = true;
        try {
            wait(remaining / 1_000_000, (int) (remaining % 1_000_000));
        } finally {
            lingering = false;
        }
    }

    private void runSales(List<Sale> batch) {
        List<SaleOutcome> outcomes;
        try {
            outcomes = sales.sellAll(transactions, batch.stream().map(Sale::job).toList());
        } catch (RuntimeException failure) {
            if (batch.size() == 1) {
                batch.getFirst().answer().completeExceptionally(failure);
            } else {
                // One sale may have broken the whole batch: sell each alone, so only that one hears the failure.
                batch.forEach(sale -> runSales(List.of(sale)));
            }
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).answer().complete(outcomes.get(i));
        }
    }

    private void runWorks(List<Work> batch) {
        List<Object> results = new ArrayList<>();
        try {
            transactions.inTransaction(tx -> {
                ShowVersions.deferBumps(tx);
                LockOrder.allTiersOf(tx, batch.stream().map(Work::showId).toList());
                for (Work job : batch) {
                    results.add(attempt(tx, job));
                }
                tx.runDeferred();
                return null;
            });
        } catch (RuntimeException commitFailed) {
            batch.forEach(job -> job.answer().completeExceptionally(commitFailed));
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            if (results.get(i) instanceof Failed failed) {
                batch.get(i).answer().completeExceptionally(failed.failure());
            } else {
                batch.get(i).answer().complete(results.get(i));
            }
        }
    }

    private record Failed(RuntimeException failure) {
    }

    private static Object attempt(Tx tx, Work job) {
        try {
            return tx.inSavepoint(job.work());
        } catch (RuntimeException e) {
            return new Failed(e);
        }
    }
}
