package dev.marquee.client.common.printing;

import dev.marquee.client.common.format.Money;
import dev.marquee.client.common.format.ShowTimes;
import dev.marquee.model.booking.OrderView;
import dev.marquee.model.booking.TicketStatus;
import dev.marquee.model.booking.TicketView;
import java.util.List;

/** An order worded for the screen (and later the printer): what was bought, for how much, and the change. */
public record Receipt(String orderId, String eventTitle, String startsAt, List<Line> tickets, String total,
                      String changeDue) {

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
                Money.format(order.totalCents()), change);
    }

    public String summary() {
        return tickets.size() + (tickets.size() == 1 ? " ticket" : " tickets") + " for " + total;
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
