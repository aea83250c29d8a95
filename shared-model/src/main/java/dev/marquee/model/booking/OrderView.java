package dev.marquee.model.booking;

import java.time.Instant;
import java.util.List;

/** changeDueCents is set for cash sales only. */
public record OrderView(String id, long showId, String eventTitle, Instant startsAt, Channel channel,
                        OrderStatus status, String customerName, long totalCents, Long changeDueCents,
                        Instant createdAt, List<TicketView> tickets, String voucherCode, String exchangedFromOrderId,
                        Long refundedCents) {

    /** An order with no voucher, not made by an exchange. */
    public OrderView(String id, long showId, String eventTitle, Instant startsAt, Channel channel, OrderStatus status,
                     String customerName, long totalCents, Long changeDueCents, Instant createdAt,
                     List<TicketView> tickets) {
        this(id, showId, eventTitle, startsAt, channel, status, customerName, totalCents, changeDueCents, createdAt,
                tickets, null, null, null);
    }
}
