package dev.marquee.server.booking.orders;

import dev.marquee.model.booking.Payment;
import dev.marquee.model.booking.PaymentMethod;
import dev.marquee.server.auth.Caller;
import dev.marquee.server.boxoffice.Shifts;
import dev.marquee.server.db.Transactions;

/**
 * Cash needs the caller's open shift. Checked once before an idempotent request claims its key, so a clerk who
 * forgot to open the drawer can open it and retry with the same key; the sale's own transaction checks again.
 */
public final class CashDrawer {

    private final Transactions transactions;

    public CashDrawer(Transactions transactions) {
        this.transactions = transactions;
    }

    public void requireOpenFor(Caller caller, Payment payment) {
        if (payment.method() == PaymentMethod.CASH) {
            transactions.inTransaction(tx -> Shifts.requireOpenShift(tx, caller));
        }
    }
}
