package dev.marquee.model.booking;

public enum OrderStatus {
    PAID, PARTIALLY_REFUNDED, REFUNDED
}
