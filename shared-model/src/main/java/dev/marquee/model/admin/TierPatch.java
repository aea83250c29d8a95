package dev.marquee.model.admin;

public record TierPatch(Integer priceCents, Integer capacity) {
}
