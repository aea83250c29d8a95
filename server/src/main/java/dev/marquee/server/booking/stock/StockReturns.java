package dev.marquee.server.booking.stock;

import dev.marquee.server.db.Tx;
import java.util.Collection;

/**
 * Told, inside the very transaction that put them back on sale (a refund, a hold ended unsold, an exchange, a
 * capacity raised, seats unblocked), which tiers of a show have tickets again, with those tiers still locked: the
 * waiting list offers them before anyone else can buy them. It must not fail the transaction that tells it.
 */
@FunctionalInterface
public interface StockReturns {

    StockReturns NONE = (tx, showId, tierIds) -> { };

    void returned(Tx tx, long showId, Collection<Long> tierIds);
}
