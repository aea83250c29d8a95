package dev.marquee.model.booking;

import java.time.Instant;
import java.util.List;

/**
 * changeDueCents is set for cash sales only. paymentMethod is how the order was paid; for an order made by an
 * exchange, how its difference was charged or, when nothing was charged, its first order's method (where money
 * given back goes). Null from a server that does not say.
 */
public record OrderView(String id, long showId, String eventTitle, Instant startsAt, Channel channel,
                        OrderStatus status, String customerName, long totalCents, Long changeDueCents,
                        Instant createdAt, List<TicketView> tickets, String voucherCode, String exchangedFromOrderId,
                        Long refundedCents, PaymentMethod paymentMethod) {

    /** An order with no voucher, not made by an exchange. */
    public OrderView(String id, long showId, String eventTitle, Instant startsAt, Channel channel, OrderStatus status,
                     String customerName, long totalCents, Long changeDueCents, Instant createdAt,
                     List<TicketView> tickets) {
        this(id, showId, eventTitle, startsAt, channel, status, customerName, totalCents, changeDueCents, createdAt,
                tickets, null, null, null, null);
    }
}
