package dev.marquee.server.booking.holds;

import dev.marquee.model.booking.Channel;
import dev.marquee.model.booking.HoldStatus;
import dev.marquee.model.booking.OrderView;
import dev.marquee.model.booking.Payment;
import dev.marquee.model.error.ErrorCode;
import dev.marquee.server.audit.Audit;
import dev.marquee.server.auth.Caller;
import dev.marquee.server.booking.orders.NewOrder;
import dev.marquee.server.booking.orders.Payments;
import dev.marquee.server.booking.orders.SaleService;
import dev.marquee.server.booking.stock.Allocation;
import dev.marquee.server.booking.stock.LockOrder;
import dev.marquee.server.booking.stock.SaleWindow;
import dev.marquee.server.booking.stock.ShowVersions;
import dev.marquee.server.booking.stock.Stock;
import dev.marquee.server.booking.vouchers.Vouchers;
import dev.marquee.server.boxoffice.Shifts;
import dev.marquee.server.db.Pipeline;
import dev.marquee.server.db.Tx;
import dev.marquee.server.error.ApiException;
import java.util.List;
import java.util.UUID;

/** Turns an active hold into a paid order: the held stock becomes sold, at the prices of the hold. */
public final class CheckoutService {

    private final Audit audit;
    private final SaleWindow window;
    private final HoldEndings endings;

    public CheckoutService(Audit audit, SaleWindow window, HoldEndings endings) {
        this.audit = audit;
        this.window = window;
        this.endings = endings;
    }

    public OrderView checkout(Tx tx, Caller caller, UUID holdId, Payment payment, String customerName) {
        UUID shiftId = Shifts.forPayment(tx, caller, payment.method());
        Holds.Locked locked = Holds.lockWithTiers(tx, caller, holdId, false);
        Holds.Row hold = locked.row();
        switch (hold.status()) {
            case CHECKED_OUT, RELEASED -> throw new ApiException(ErrorCode.HOLD_NOT_ACTIVE,
                    "This hold was already " + (hold.status() == HoldStatus.CHECKED_OUT ? "checked out." : "released."));
            case EXPIRED -> throw expired();
            case ACTIVE -> {
                if (hold.pastExpiry()) {
                    endings.endUnsold(tx, locked, HoldStatus.EXPIRED);
                    ShowVersions.bump(tx, hold.showId());
                    throw expired();
                }
            }
        }
        Allocation allocation = locked.allocation();
        Payments.Settled settled = Payments.settle(payment, allocation.totalCents());
        Channel channel = caller.isStaff() ? Channel.BOX_OFFICE : Channel.ONLINE;
        NewOrder order = NewOrder.of(NewOrder.newId(), caller, allocation, holdId, channel, customerName, settled,
                shiftId, hold.voucher());
        NewOrder.Head head = sell(tx, hold.showId(), allocation, order, settled);
        // Asked after the writes, which went in the same round trip: a refusal rolls them back and the hold stays
        // active, to check out should the show go back on sale before it expires.
        window.forCaller(caller).require(head.onSale(), head.startsAt(), head.createdAt());
        return order.view(head);
    }

    /**
     * Everything else goes to the database in one round trip, the tiers and the hold being locked already: the
     * seats' locks, the held stock turned sold, the hold ended, the order and its tickets, the audit row and the
     * version bump (or, in a lane's batch, the bump is left to the batch's end), so the tier locks are held from
     * there to the commit only. With a round trip per statement, fans'
     * checkouts queued behind one another's locks (the on-sale benchmark sold 70 tickets a second).
     */
    private NewOrder.Head sell(Tx tx, long showId, Allocation allocation, NewOrder order, Payments.Settled settled) {
        NewOrder.Head[] head = new NewOrder.Head[1];
        Pipeline sale = tx.pipeline();
        LockOrder.addSeats(sale, showId, allocation.seatIds());
        for (Allocation.Line line : allocation.lines()) {
            Stock.addHeldToSold(sale, line.tierId(), line.quantity());
        }
        Stock.addSetSeats(sale, showId, allocation.seatIds(), "SOLD", null);
        Holds.addMarkEnded(sale, order.holdId(), HoldStatus.CHECKED_OUT);
        endings.addCheckedOut(sale, order.holdId());
        if (order.voucher() != null) {
            Vouchers.addCheckedOut(sale, order.holdId(), order.id());
        }
        NewOrder.insertAll(sale, List.of(order));
        audit.recordAll(sale, List.of(new Audit.Entry(order.caller().email(), "SALE", showId,
                SaleService.auditDetails(order.id(), order.channel(), allocation, settled))));
        NewOrder.addHead(sale, showId, found -> head[0] = found);
        ShowVersions.addBump(tx, sale, showId);
        sale.run();
        return head[0];
    }

    private static ApiException expired() {
        return new ApiException(ErrorCode.HOLD_EXPIRED, "This hold has expired and its tickets went back on sale.")
                .keepingChanges();
    }
}
