package dev.marquee.server.onsale;

import dev.marquee.server.platform.ApiException;
import dev.marquee.server.platform.BackgroundWork;
import dev.marquee.server.platform.Futures;
import dev.marquee.server.platform.Transactions;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Joins wait here and are served in batches, one transaction per show per batch: in an on-sale rush tens of
 * thousands of fans join within seconds, and one short transaction for every few hundred of them costs the
 * database far less than one each (see {@link Joining}). A single worker drains the joins in arrival order; while
 * it runs a batch, the next one gathers.
 */
public final class LineJoins implements BackgroundWork {

    /** Joins one batch takes at most, whatever their shows. */
    static final int MAX_BATCH = 2_000;
    /** Joins waiting beyond which new ones are refused (503): far above what the worker drains in a second. */
    static final int MAX_WAITING = 100_000;

    private record Join(long showId, UUID userId, CompletableFuture<Joined> answer) {
    }

    private final Transactions transactions;
    private final Duration window;
    private final LineCounters counters;
    private final ArrayDeque<Join> queue = new ArrayDeque<>();
    private Thread worker;
    private boolean stopped;

    public LineJoins(Transactions transactions, Duration window, LineCounters counters) {
        this.transactions = transactions;
        this.window = window;
        this.counters = counters;
    }

    /** The account's place in the show's line, joining it if it has none that is live. */
    Joined join(long showId, UUID userId) {
        Join join = new Join(showId, userId, new CompletableFuture<>());
        synchronized (this) {
            if (stopped) {
                throw ApiException.unavailable("The server is shutting down. Please try again in a moment.");
            }
            if (queue.size() >= MAX_WAITING) {
                throw ApiException.unavailable("Too many fans are joining right now. Please try again in a moment.");
            }
            queue.add(join);
            notifyAll();
        }
        return Futures.join(join.answer());
    }

    @Override
    public synchronized void start() {
        worker = Thread.ofPlatform().name("line-joins").daemon().start(this::drain);
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
            List<Join> batch = nextBatch();
            if (batch.isEmpty()) {
                return;
            }
            Map<Long, List<Join>> byShow = new LinkedHashMap<>();
            batch.forEach(join -> byShow.computeIfAbsent(join.showId(), id -> new ArrayList<>()).add(join));
            byShow.forEach(this::joinAll);
        }
    }

    private void joinAll(long showId, List<Join> joins) {
        LinkedHashSet<UUID> users = new LinkedHashSet<>();
        joins.forEach(join -> users.add(join.userId()));
        try {
            Map<UUID, Joined> places = transactions.inTransaction(tx -> Joining.joinAll(tx, showId, users, window));
            long created = places.values().stream().filter(Joined::created).count();
            counters.joins().add(created);
            // The same account twice in one batch: the second hears the place the first made, as a repeat.
            Map<UUID, Boolean> answered = new java.util.HashMap<>();
            for (Join join : joins) {
                Joined joined = places.get(join.userId());
                boolean first = answered.putIfAbsent(join.userId(), true) == null;
                join.answer().complete(first ? joined : new Joined(joined.place(), false));
            }
        } catch (RuntimeException | Error failure) {
            joins.forEach(join -> join.answer().completeExceptionally(failure));
        }
    }

    private synchronized List<Join> nextBatch() {
        while (queue.isEmpty() && !stopped) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopped = true;
            }
        }
        List<Join> batch = new ArrayList<>();
        while (!queue.isEmpty() && batch.size() < MAX_BATCH) {
            batch.add(queue.poll());
        }
        if (stopped) {
            queue.forEach(join -> join.answer().completeExceptionally(
                    ApiException.unavailable("The server is shutting down. Please try again in a moment.")));
            queue.clear();
        }
        return batch;
    }
}
