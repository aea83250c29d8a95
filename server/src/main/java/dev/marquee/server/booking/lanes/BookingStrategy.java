package dev.marquee.server.booking.lanes;

import dev.marquee.server.booking.orders.SaleJob;
import dev.marquee.server.booking.orders.SaleOutcome;
import dev.marquee.server.booking.orders.SaleService;
import dev.marquee.server.db.TransactionRunner;
import dev.marquee.server.db.Transactions;
import dev.marquee.server.observe.Meters;
import java.time.Duration;
import java.util.Locale;

/**
 * How holds and box-office sales reach the database (MARQUEE_BOOKING_STRATEGY). {@code naive}: one transaction
 * per request, each fighting for the tier's row lock. {@code optimized}: a few lanes, each show always in the same
 * one, each draining the requests waiting in it into shared transactions. Locks, constraints and idempotency are the same either way.
 */
public interface BookingStrategy {

    /** The runner for work on one show's inventory. */
    default TransactionRunner forShow(long showId) {
        return forShow(showId, true);
    }

    /**
     * The runner for work on one show's inventory; with {@code refuseWhenBusy} false the work waits its turn
     * however long the line ahead (a fan admitted from the show's waiting line, whose numbers the line paces).
     */
    TransactionRunner forShow(long showId, boolean refuseWhenBusy);

    /** Sells one box-office sale, alone or batched with others of its show. */
    SaleOutcome sell(SaleJob job);

    /** True when a booking for the show would be refused right now for want of room in its line. */
    default boolean busy(long showId) {
        return false;
    }

    /** How many bookings wait for their turn right now. */
    default int queued() {
        return 0;
    }

    /** Stops taking work and lets what is queued finish. */
    default void close(Duration grace) {
    }

    static BookingStrategy named(String name, Transactions transactions, SaleService sales, int lanes,
                                 LaneLimits limits, Meters meters) {
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "naive" -> new OneTransactionPerRequest(transactions, sales);
            case "optimized" -> new BookingLanes(lanes, transactions, sales, limits, LaneCounters.registeredIn(meters));
            default -> throw new IllegalArgumentException(
                    "MARQUEE_BOOKING_STRATEGY must be 'naive' or 'optimized', not '" + name + "'.");
        };
    }
}
