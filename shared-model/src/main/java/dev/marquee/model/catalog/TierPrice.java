package dev.marquee.model.catalog;

/** A tier as a show lists it; {@code hidden} is there (true) only for staff, who see hidden tiers. */
public record TierPrice(long id, String name, int priceCents, Boolean hidden) {
}
