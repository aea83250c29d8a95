package dev.marquee.model.catalog;

import java.util.List;

/** A show's inventory at one version; seats is null (left out) for GA shows. */
public record Availability(long showId, long version, List<TierAvailability> tiers, List<SeatAvailability> seats) {
}
