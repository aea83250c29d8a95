package dev.marquee.model.booking;

public record HoldItem(long tierId, int quantity, int unitPriceCents) {
}
