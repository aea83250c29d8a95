package dev.marquee.model.catalog;

import java.time.Instant;
import java.util.List;

public record ShowDetail(long id, long eventId, String eventTitle, Instant startsAt, VenueRef venue,
                         SeatingMode seatingMode, boolean onSale, List<TierPrice> tiers) {
}
