package dev.marquee.server.onsale;

import dev.marquee.server.db.Transactions;
import dev.marquee.server.platform.BackgroundWork;
import dev.marquee.server.platform.BatchWorker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Joins are served in batches, one transaction per show per batch: in an on-sale rush tens of thousands of fans
 * join within seconds, and one short transaction for every few hundred of them costs the database far less than
 * one each (see {@link Joining}). One worker drains the joins in arrival order ({@link BatchWorker}).
 */
public final class LineJoins implements BackgroundWork {

    /** Joins one batch takes at most, whatever their shows. */
    static final int MAX_BATCH = 2_000;
    /** Joins waiting beyond which new ones are refused (503): far above what the worker drains in a second. */
    static final int MAX_WAITING = 100_000;

    private record Join(long showId, UUID userId) {
    }

    private final Transactions transactions;
    private final Duration window;
    private final LineCounters counters;
    private final BatchWorker<Join, Joined> worker;

    public LineJoins(Transactions transactions, Duration window, LineCounters counters) {
        this.transactions = transactions;
        this.window = window;
        this.counters = counters;
        this.worker = new BatchWorker<>("line-joins", MAX_BATCH, MAX_WAITING, BatchWorker.GATHER, this::serve);
    }

    /** The account's place in the show's line, joining it if it has none that is live. */
    Joined join(long showId, UUID userId) {
        return worker.submit(new Join(showId, userId));
    }

    @Override
    public void start() {
        worker.start();
    }

    @Override
    public void stop(Duration grace) {
        worker.stop(grace);
    }

    private void serve(List<BatchWorker.Pending<Join, Joined>> batch) {
        Map<Long, List<BatchWorker.Pending<Join, Joined>>> byShow = new LinkedHashMap<>();
        batch.forEach(join -> byShow.computeIfAbsent(join.request().showId(), id -> new ArrayList<>()).add(join));
        byShow.forEach(this::joinAll);
    }

    private void joinAll(long showId, List<BatchWorker.Pending<Join, Joined>> joins) {
        LinkedHashSet<UUID> users = new LinkedHashSet<>();
        joins.forEach(join -> users.add(join.request().userId()));
        try {
            Map<UUID, Joined> places = transactions.inTransaction(tx -> Joining.joinAll(tx, showId, users, window));
            counters.joins().increment(places.values().stream().filter(Joined::created).count());
            // The same account twice in one batch: the second hears the place the first made, as a repeat.
            Set<UUID> answered = new HashSet<>();
            for (BatchWorker.Pending<Join, Joined> join : joins) {
                Joined joined = places.get(join.request().userId());
                boolean first = answered.add(join.request().userId());
                join.answer().complete(first ? joined : new Joined(joined.place(), false));
            }
        } catch (RuntimeException | Error failure) {
            joins.forEach(join -> join.answer().completeExceptionally(failure));
        }
    }
}
