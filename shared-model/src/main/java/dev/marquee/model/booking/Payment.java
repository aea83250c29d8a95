package dev.marquee.model.booking;

/** CARD carries cardNumber; CASH carries tenderedCents. */
public record Payment(PaymentMethod method, String cardNumber, Long tenderedCents) {
}
