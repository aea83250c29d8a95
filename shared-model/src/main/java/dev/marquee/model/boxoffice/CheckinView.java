package dev.marquee.model.boxoffice;

import dev.marquee.model.booking.TicketView;
import java.time.Instant;

/** A ticket just admitted at the door, with what the door staff needs to see. */
public record CheckinView(TicketView ticket, String orderId, long showId, String eventTitle, Instant startsAt,
                          String customerName, Instant checkedInAt) {
}
