package dev.marquee.model.booking;

public enum PaymentMethod {
    CARD, CASH
}
