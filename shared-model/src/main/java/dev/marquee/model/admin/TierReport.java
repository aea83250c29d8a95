package dev.marquee.model.admin;

/** One tier's counters and the revenue of its live (not refunded) tickets. */
public record TierReport(long tierId, String name, int capacity, int sold, int held, int available,
                         long revenueCents, int checkedIn) {
}
