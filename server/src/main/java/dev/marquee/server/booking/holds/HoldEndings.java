package dev.marquee.server.booking.holds;

import dev.marquee.model.booking.HoldStatus;
import dev.marquee.server.booking.stock.Allocation;
import dev.marquee.server.booking.stock.StockReturns;
import dev.marquee.server.db.Pipeline;
import dev.marquee.server.db.Tx;

/**
 * The one way a hold ends unsold (released or expired): its stock returns, whoever follows the hold hears how it
 * ended, and the tiers it gave back are offered to their waiting lists, all in the transaction that ends it.
 */
public final class HoldEndings {

    private final HoldEnds ends;
    private final StockReturns returns;

    public HoldEndings(HoldEnds ends, StockReturns returns) {
        this.ends = ends;
        this.returns = returns;
    }

    /** A hold ending with none of that: for tests of the holds alone. */
    public static HoldEndings alone() {
        return new HoldEndings(HoldEnds.NONE, StockReturns.NONE);
    }

    /** Ends the {@linkplain Holds#lockWithTiers locked} hold unsold; the caller bumps the show's version after. */
    Allocation endUnsold(Tx tx, Holds.Locked locked, HoldStatus outcome) {
        Allocation returned = Holds.end(tx, locked, outcome);
        Pipeline told = tx.pipeline();
        ends.addEnded(told, locked.row().id(), outcome);
        told.run();
        returns.returned(tx, locked.row().showId(),
                returned.lines().stream().map(Allocation.Line::tierId).toList());
        return returned;
    }

    /** Adds what follows from the hold's checkout to the checkout's writes. */
    void addCheckedOut(Pipeline writes, java.util.UUID holdId) {
        ends.addEnded(writes, holdId, HoldStatus.CHECKED_OUT);
    }
}
