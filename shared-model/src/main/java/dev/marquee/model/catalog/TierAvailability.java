package dev.marquee.model.catalog;

/** One tier's counters; available + held + sold = capacity always. */
public record TierAvailability(long tierId, String name, int priceCents, int capacity, int available, int held,
                               int sold) {
}
