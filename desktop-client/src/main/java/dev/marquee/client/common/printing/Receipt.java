package dev.marquee.client.common.printing;

import dev.marquee.client.common.format.Money;
import dev.marquee.client.common.format.ShowTimes;
import dev.marquee.model.booking.OrderView;
import dev.marquee.model.booking.TicketStatus;
import dev.marquee.model.booking.TicketView;
import java.util.List;

/**
 * An order worded for the screen (and later the printer): what was bought, for how much, and the change. An order
 * made by an exchange names the order it came from, and its money is the difference settled, not the tickets' sum.
 */
public record Receipt(String orderId, String eventTitle, String startsAt, List<Line> tickets, String total,
                      String changeDue, String exchangedFromOrderId, String settled) {

    /** One ticket: tier, seat ("" for general admission), the price paid, the code on its QR, its state. */
    public record Line(String tier, String seat, String price, String code, String status) {

        /** "Standing · $25.00" or "Premium · Orchestra Row 1 Seat 5 · $85.00". */
        public String what() {
            return tier + (seat.isEmpty() ? "" : " · " + seat) + " · " + price;
        }
    }

    public static Receipt of(OrderView order, ShowTimes times) {
        List<Line> lines = order.tickets().stream().map(Receipt::line).toList();
        String change = order.changeDueCents() == null ? "" : Money.format(order.changeDueCents());
        return new Receipt(order.id(), order.eventTitle(), times.format(order.startsAt()), lines,
                Money.format(order.totalCents()), change,
                order.exchangedFromOrderId() == null ? "" : order.exchangedFromOrderId(), settled(order));
    }

    /** "2 tickets for $50.00"; made by an exchange, "2 tickets in exchange: $20.00 paid" (or given back, or even). */
    public String summary() {
        String count = tickets.size() + (tickets.size() == 1 ? " ticket" : " tickets");
        return exchangedFromOrderId.isEmpty() ? count + " for " + total : count + " in exchange: " + settled;
    }

    /** What an exchange settled: the difference charged (totalCents) or paid back (refundedCents), or neither. */
    private static String settled(OrderView order) {
        if (order.exchangedFromOrderId() == null) {
            return "";
        }
        long back = order.refundedCents() == null ? 0 : order.refundedCents();
        return back > 0 ? Money.format(back) + " given back"
                : order.totalCents() > 0 ? Money.format(order.totalCents()) + " paid" : "even";
    }

    private static Line line(TicketView ticket) {
        return new Line(ticket.tierName(), ticket.seatLabel() == null ? "" : ticket.seatLabel(),
                Money.format(ticket.priceCents()), ticket.code(), describe(ticket.status()));
    }

    private static String describe(TicketStatus status) {
        return switch (status) {
            case VALID -> "Valid";
            case REFUNDED -> "Refunded";
            case CHECKED_IN -> "Checked in";
            case EXCHANGED -> "Exchanged";
        };
    }
}
