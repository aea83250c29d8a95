package dev.marquee.server.booking;

import dev.marquee.server.platform.TransactionRunner;
import dev.marquee.server.platform.Transactions;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The optimized strategy: one {@link ShowLane} per show, made when the show is first booked. */
final class BookingLanes implements BookingStrategy {

    private final Transactions transactions;
    private final SaleService sales;
    private final LaneLimits limits;
    private final LaneCounters counters;
    private final Map<Long, ShowLane> lanes = new ConcurrentHashMap<>();

    BookingLanes(Transactions transactions, SaleService sales, LaneLimits limits, LaneCounters counters) {
        this.transactions = transactions;
        this.sales = sales;
        this.limits = limits;
        this.counters = counters;
    }

    @Override
    public TransactionRunner forShow(long showId) {
        return lane(showId);
    }

    @Override
    public SaleOutcome sell(SaleJob job) {
        return lane(job.showId()).sell(job);
    }

    private ShowLane lane(long showId) {
        return lanes.computeIfAbsent(showId, id -> new ShowLane(id, transactions, sales, limits, counters));
    }

    @Override
    public int queued() {
        return lanes.values().stream().mapToInt(ShowLane::queued).sum();
    }

    @Override
    public void close(Duration grace) {
        lanes.values().forEach(ShowLane::close);
    }
}
