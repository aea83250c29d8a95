package dev.marquee.model.catalog;

public enum SeatStatus {
    AVAILABLE, HELD, SOLD, BLOCKED
}
