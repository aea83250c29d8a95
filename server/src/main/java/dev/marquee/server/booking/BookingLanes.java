package dev.marquee.server.booking;

import dev.marquee.server.platform.TransactionRunner;
import dev.marquee.server.platform.Transactions;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The optimized strategy: one {@link ShowLane} per show, made when the show is first booked. */
final class BookingLanes implements BookingStrategy {

    private final Transactions transactions;
    private final LaneLimits limits;
    private final Map<Long, ShowLane> lanes = new ConcurrentHashMap<>();

    BookingLanes(Transactions transactions, LaneLimits limits) {
        this.transactions = transactions;
        this.limits = limits;
    }

    @Override
    public TransactionRunner forShow(long showId) {
        return lanes.computeIfAbsent(showId, id -> new ShowLane(id, transactions, limits));
    }

    /** How many requests wait across all lanes, for the metrics. */
    @Override
    public int queued() {
        return lanes.values().stream().mapToInt(ShowLane::queued).sum();
    }

    @Override
    public void close(Duration grace) {
        lanes.values().forEach(ShowLane::close);
    }
}
