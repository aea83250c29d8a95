package dev.marquee.server.booking;

import dev.marquee.server.platform.ApiException;
import dev.marquee.server.platform.TooManyRequestsException;
import dev.marquee.server.platform.TransactionRunner;
import dev.marquee.server.platform.Transactions;
import dev.marquee.server.platform.Tx;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The requests waiting to book one show, drained into shared transactions by one worker at a time. Each batch
 * locks all the show's tiers once, in id order (the global lock order), runs every request in its own savepoint in
 * arrival order (all or nothing per request), bumps the show's version once as its last statement, commits once,
 * and only then answers each request. A request that fails is undone alone; the others go on.
 */
final class ShowLane implements TransactionRunner {

    private record Job(Transactions.Work<?> work, CompletableFuture<Object> answer) {
    }

    private final long showId;
    private final Transactions transactions;
    private final LaneLimits limits;
    private final ArrayDeque<Job> queue = new ArrayDeque<>();
    private boolean draining;
    private boolean closed;

    ShowLane(long showId, Transactions transactions, LaneLimits limits) {
        this.showId = showId;
        this.transactions = transactions;
        this.limits = limits;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T inTransaction(Transactions.Work<T> work) {
        Job job = new Job(work, new CompletableFuture<>());
        synchronized (this) {
            if (closed) {
                throw ApiException.unavailable("The server is shutting down. Please try again in a moment.");
            }
            if (queue.size() >= limits.maxQueue()) {
                throw new TooManyRequestsException("This show is very busy right now. Please try again in a moment.",
                        Duration.ofSeconds(1));
            }
            queue.add(job);
            if (!draining) {
                draining = true;
                Thread.ofVirtual().name("lane-" + showId).start(this::drain);
            }
        }
        try {
            return (T) job.answer().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw e;
        }
    }

    synchronized int queued() {
        return queue.size();
    }

    synchronized void close() {
        closed = true;
    }

    private void drain() {
        while (true) {
            List<Job> batch = nextBatch();
            if (batch.isEmpty()) {
                return;
            }
            runBatch(batch);
        }
    }

    private synchronized List<Job> nextBatch() {
        List<Job> batch = new ArrayList<>();
        while (!queue.isEmpty() && batch.size() < limits.maxBatch()) {
            batch.add(queue.poll());
        }
        if (batch.isEmpty()) {
            draining = false;
        }
        return batch;
    }

    private void runBatch(List<Job> batch) {
        List<Object> results = new ArrayList<>();
        try {
            transactions.inTransaction(tx -> {
                tx.deferBumps();
                lockTiers(tx);
                for (Job job : batch) {
                    results.add(attempt(tx, job));
                }
                tx.flushBumps();
                return null;
            });
        } catch (RuntimeException commitFailed) {
            batch.forEach(job -> job.answer().completeExceptionally(commitFailed));
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            Object result = results.get(i);
            if (result instanceof Failed failed) {
                batch.get(i).answer().completeExceptionally(failed.failure());
            } else {
                batch.get(i).answer().complete(result);
            }
        }
    }

    private record Failed(RuntimeException failure) {
    }

    private static Object attempt(Tx tx, Job job) {
        try {
            return tx.inSavepoint(job.work());
        } catch (RuntimeException e) {
            return new Failed(e);
        }
    }

    private void lockTiers(Tx tx) {
        tx.list("SELECT id FROM tiers WHERE show_id = ? ORDER BY id FOR UPDATE", row -> row.getLong("id"), showId);
    }
}
