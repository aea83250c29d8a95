package dev.marquee.server.booking.lanes;

import dev.marquee.server.booking.orders.SaleJob;
import dev.marquee.server.booking.orders.SaleOutcome;
import dev.marquee.server.booking.orders.SaleService;
import dev.marquee.server.db.TransactionRunner;
import dev.marquee.server.db.Transactions;
import java.util.List;

/** The naive strategy, kept as the baseline: every request its own transaction, waiting for its own row locks. */
final class OneTransactionPerRequest implements BookingStrategy {

    private final Transactions transactions;
    private final SaleService sales;

    OneTransactionPerRequest(Transactions transactions, SaleService sales) {
        this.transactions = transactions;
        this.sales = sales;
    }

    @Override
    public TransactionRunner forShow(long showId, boolean refuseWhenBusy) {
        return transactions;
    }

    @Override
    public SaleOutcome sell(SaleJob job) {
        return sales.sellAll(transactions, List.of(job)).getFirst();
    }
}
