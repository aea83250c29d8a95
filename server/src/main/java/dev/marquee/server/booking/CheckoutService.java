package dev.marquee.server.booking;

import dev.marquee.model.booking.Channel;
import dev.marquee.model.booking.HoldStatus;
import dev.marquee.model.booking.OrderView;
import dev.marquee.model.booking.Payment;
import dev.marquee.model.error.ErrorCode;
import dev.marquee.server.auth.Caller;
import dev.marquee.server.boxoffice.Shifts;
import dev.marquee.server.platform.ApiException;
import dev.marquee.server.platform.Audit;
import dev.marquee.server.platform.ShowVersions;
import dev.marquee.server.platform.Tx;
import java.util.UUID;

/** Turns an active hold into a paid order: the held stock becomes sold, at the prices of the hold. */
public final class CheckoutService {

    private final Audit audit;

    public CheckoutService(Audit audit) {
        this.audit = audit;
    }

    OrderView checkout(Tx tx, Caller caller, UUID holdId, Payment payment, String customerName) {
        UUID shiftId = Shifts.forPayment(tx, caller, payment.method());
        Holds.Row hold = Holds.lockVisible(tx, caller, holdId);
        switch (hold.status()) {
            case CHECKED_OUT, RELEASED -> throw new ApiException(ErrorCode.HOLD_NOT_ACTIVE,
                    "This hold was already " + (hold.status() == HoldStatus.CHECKED_OUT ? "checked out." : "released."));
            case EXPIRED -> throw expired();
            case ACTIVE -> {
                if (hold.pastExpiry()) {
                    Holds.end(tx, hold, HoldStatus.EXPIRED);
                    ShowVersions.bump(tx, hold.showId());
                    throw expired();
                }
            }
        }
        Allocation allocation = Holds.allocation(tx, holdId, hold.showId());
        Payments.Settled settled = Payments.settle(payment, allocation.totalCents());
        Stock.lockTiers(tx, hold.showId(), allocation.lines().stream().map(Allocation.Line::tierId).toList());
        Stock.lockSeats(tx, hold.showId(), allocation.seatIds());
        for (Allocation.Line line : allocation.lines()) {
            Stock.heldToSold(tx, line.tierId(), line.quantity());
        }
        Stock.setSeats(tx, hold.showId(), allocation.seatIds(), "SOLD", null);
        Holds.markEnded(tx, holdId, HoldStatus.CHECKED_OUT);
        Channel channel = caller.isStaff() ? Channel.BOX_OFFICE : Channel.ONLINE;
        UUID orderId = Orders.create(tx, caller, allocation, holdId, channel, customerName, settled, shiftId);
        audit.record(tx, caller.email(), "SALE", hold.showId(), SaleService.auditDetails(orderId, channel, allocation,
                settled));
        ShowVersions.bump(tx, hold.showId());
        return Orders.view(tx, orderId);
    }

    private static ApiException expired() {
        return new ApiException(ErrorCode.HOLD_EXPIRED, "This hold has expired and its tickets went back on sale.")
                .keepingChanges();
    }
}
