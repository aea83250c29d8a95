package dev.marquee.model.booking;

public record CheckoutRequest(Payment payment, String customerName) {
}
