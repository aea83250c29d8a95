package dev.marquee.model.booking;

/** A request for a quantity of one tier (GA, or best available on a seated show). */
public record TierQuantity(Long tierId, Integer quantity) {
}
