package dev.marquee.model.booking;

public enum TicketStatus {
    VALID, REFUNDED, CHECKED_IN, EXCHANGED
}
