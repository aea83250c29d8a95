package dev.marquee.server.booking.lanes;

import dev.marquee.server.booking.orders.SaleJob;
import dev.marquee.server.booking.orders.SaleOutcome;
import dev.marquee.server.booking.orders.SaleService;
import dev.marquee.server.db.TransactionRunner;
import dev.marquee.server.db.Transactions;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The optimized strategy: a fixed number of {@link BookingLane}s, each show always in the same one. A hot show's
 * requests all wait in one line and are served many to a transaction; requests spread over many shows share the
 * lanes and are batched together just the same. The lane count bounds how many booking transactions run at once,
 * so a small pool suffices and the database's cores are not spent on lock waits.
 */
final class BookingLanes implements BookingStrategy {

    private final BookingLane[] lanes;

    BookingLanes(int count, Transactions transactions, SaleService sales, LaneLimits limits, LaneCounters counters) {
        lanes = IntStream.range(0, count)
                .mapToObj(number -> new BookingLane(number, transactions, sales, limits, counters, System::nanoTime))
                .toArray(BookingLane[]::new);
    }

    @Override
    public TransactionRunner forShow(long showId, boolean refuseWhenBusy) {
        return laneOf(showId).forShow(showId, refuseWhenBusy);
    }

    @Override
    public SaleOutcome sell(SaleJob job) {
        return laneOf(job.showId()).sell(job);
    }

    @Override
    public boolean busy(long showId) {
        return laneOf(showId).busy();
    }

    private BookingLane laneOf(long showId) {
        return lanes[(int) Math.floorMod(Long.hashCode(showId) * 0x9E3779B9L, (long) lanes.length)];
    }

    @Override
    public int queued() {
        return Arrays.stream(lanes).mapToInt(BookingLane::queued).sum();
    }

    @Override
    public void close(Duration grace) {
        Arrays.stream(lanes).forEach(BookingLane::close);
    }
}
