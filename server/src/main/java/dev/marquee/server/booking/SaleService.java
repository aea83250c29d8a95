package dev.marquee.server.booking;

import dev.marquee.model.booking.Channel;
import dev.marquee.model.booking.OrderView;
import dev.marquee.model.booking.Payment;
import dev.marquee.server.auth.Caller;
import dev.marquee.server.boxoffice.Shifts;
import dev.marquee.server.platform.Audit;
import dev.marquee.server.platform.ShowVersions;
import dev.marquee.server.platform.Tx;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** The box-office sale: stock taken, paid and ticketed in one transaction, with no hold in between. */
public final class SaleService {

    private final Audit audit;

    public SaleService(Audit audit) {
        this.audit = audit;
    }

    OrderView sell(Tx tx, Caller caller, long showId, BookingItems wanted, Payment payment, String customerName) {
        UUID shiftId = Shifts.forPayment(tx, caller, payment.method());
        Allocation allocation = Allocator.allocate(tx, showId, wanted, Allocator.Target.SOLD, null);
        Payments.Settled settled = Payments.settle(payment, allocation.totalCents());
        UUID orderId = Orders.create(tx, caller, allocation, null, Channel.BOX_OFFICE, customerName, settled,
                shiftId);
        audit.record(tx, caller.email(), "SALE", showId, auditDetails(orderId, Channel.BOX_OFFICE, allocation, settled));
        ShowVersions.bump(tx, showId);
        return Orders.view(tx, orderId);
    }

    static Map<String, Object> auditDetails(UUID orderId, Channel channel, Allocation allocation,
                                            Payments.Settled payment) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("orderId", orderId.toString());
        details.put("channel", channel.name());
        details.put("paymentMethod", payment.method().name());
        details.put("totalCents", allocation.totalCents());
        details.put("tiers", allocation.lines().stream().map(line -> Map.of("tierId", line.tierId(),
                "quantity", line.quantity(), "unitPriceCents", line.unitPriceCents())).toList());
        details.put("seatIds", allocation.seatIds());
        return details;
    }
}
