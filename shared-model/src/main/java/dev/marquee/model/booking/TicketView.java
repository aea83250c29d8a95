package dev.marquee.model.booking;

/** seatLabel is null (left out) for general admission. */
public record TicketView(String id, String code, long tierId, String tierName, String seatLabel, int priceCents,
                         TicketStatus status) {
}
