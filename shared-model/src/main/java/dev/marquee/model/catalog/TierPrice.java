package dev.marquee.model.catalog;

public record TierPrice(long id, String name, int priceCents) {
}
