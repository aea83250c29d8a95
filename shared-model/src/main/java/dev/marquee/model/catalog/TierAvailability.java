package dev.marquee.model.catalog;

/** One tier's counters; available + held + sold = capacity always. */
/** A tier's stock; {@code hidden} is there (true) for a hidden tier, which fans' screens leave out (v1.2). */
public record TierAvailability(long tierId, String name, int priceCents, int capacity, int available, int held,
                               int sold, Boolean hidden) {

    public TierAvailability(long tierId, String name, int priceCents, int capacity, int available, int held,
                            int sold) {
        this(tierId, name, priceCents, capacity, available, held, sold, null);
    }
}
