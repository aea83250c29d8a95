package dev.marquee.server.platform;

import dev.marquee.server.error.ApiException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Requests that are cheaper served many at a time (one query or one transaction for a batch) wait here; one worker
 * thread takes everything waiting, up to {@code maxBatch}, and hands it to the batch's work, which answers each
 * request. While a batch runs, the next one gathers, so under load batches grow by themselves and when idle a
 * request is served at once. Under load (the last batch had more than one request) the worker also waits up to
 * {@code gather} for more before it serves the next: a batch's fixed cost (a hop between threads, a pooled
 * connection, a round trip) is then shared by many, where work quicker than the arrivals otherwise runs batches of
 * two or three. Whatever the work leaves unanswered, or throws, fails the requests it concerned.
 *
 * @param <Q> a request
 * @param <A> its answer
 */
public final class BatchWorker<Q, A> implements BackgroundWork {

    /** One waiting request and the answer its caller waits for. */
    public record Pending<Q, A>(Q request, CompletableFuture<A> answer) {
    }

    /** Serves one batch: completes each pending answer, normally or exceptionally. */
    @FunctionalInterface
    public interface Work<Q, A> {
        void serve(List<Pending<Q, A>> batch);
    }

    /**
     * How long the project's batches wait for more under load: a little latency for far fewer transactions (with
     * 2 ms, an on-sale's joins share a transaction by the dozen rather than by twos and threes).
     */
    public static final Duration GATHER = Duration.ofMillis(2);

    private final String name;
    private final int maxBatch;
    private final int maxWaiting;
    private final Work<Q, A> work;
    private final long gatherNanos;
    private final ArrayDeque<Pending<Q, A>> queue = new ArrayDeque<>();
    private Thread worker;
    private boolean stopped;
    private int lastBatchSize;

    /**
     * {@code maxWaiting}: requests waiting beyond which new ones are refused (503) rather than queued; {@code gather}:
     * how long a batch waits for more under load (zero: never).
     */
    public BatchWorker(String name, int maxBatch, int maxWaiting, Duration gather, Work<Q, A> work) {
        this.name = name;
        this.maxBatch = maxBatch;
        this.maxWaiting = maxWaiting;
        this.gatherNanos = gather.toNanos();
        this.work = work;
    }

    /** Waits for the request's answer; its failure is thrown as itself. */
    public A submit(Q request) {
        Pending<Q, A> pending = new Pending<>(request, new CompletableFuture<>());
        synchronized (this) {
            if (stopped) {
                throw ApiException.unavailable("The server is shutting down. Please try again in a moment.");
            }
            if (queue.size() >= maxWaiting) {
                throw ApiException.unavailable("The server is very busy right now. Please try again in a moment.");
            }
            queue.add(pending);
            if (worker == null) {
                worker = Thread.ofPlatform().name(name).daemon().start(this::drain);
            }
            // The worker waits for the first request, or for a full batch while it gathers; not for every one.
            if (queue.size() == 1 || queue.size() == maxBatch) {
                notifyAll();
            }
        }
        return Futures.join(pending.answer());
    }

    /** Requests waiting for a batch (not those being served). */
    synchronized int waiting() {
        return queue.size();
    }

    @Override
    public void start() {
        // The worker starts with the first request.
    }

    @Override
    public void stop(Duration grace) {
        Thread running;
        synchronized (this) {
            stopped = true;
            notifyAll();
            running = worker;
        }
        if (running != null) {
            try {
                running.join(grace.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void drain() {
        while (true) {
            List<Pending<Q, A>> batch = nextBatch();
            if (batch.isEmpty()) {
                return;
            }
            try {
                work.serve(batch);
            } catch (RuntimeException | Error failure) {
                batch.forEach(pending -> pending.answer().completeExceptionally(failure));
            }
            // Nobody may wait for ever on an answer the work forgot.
            if (batch.stream().anyMatch(pending -> !pending.answer().isDone())) {
                IllegalStateException unanswered = new IllegalStateException(name + " left a request unanswered");
                batch.forEach(pending -> pending.answer().completeExceptionally(unanswered));
            }
        }
    }

    private synchronized List<Pending<Q, A>> nextBatch() {
        while (queue.isEmpty() && !stopped) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopped = true;
            }
        }
        if (lastBatchSize > 1) {
            gather();
        }
        List<Pending<Q, A>> batch = new ArrayList<>(Math.min(queue.size(), maxBatch));
        while (!queue.isEmpty() && batch.size() < maxBatch) {
            batch.add(queue.poll());
        }
        if (stopped && !queue.isEmpty()) {
            ApiException closing = ApiException.unavailable("The server is shutting down. Please try again in a moment.");
            queue.forEach(pending -> pending.answer().completeExceptionally(closing));
            queue.clear();
        }
        lastBatchSize = batch.size();
        return batch;
    }

    private void gather() {
        long deadline = System.nanoTime() + gatherNanos;
        for (long left = gatherNanos; left > 0 && queue.size() < maxBatch && !stopped;
             left = deadline - System.nanoTime()) {
            try {
                wait(left / 1_000_000, (int) (left % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopped = true;
            }
        }
    }
}
