package dev.marquee.model.admin;

import dev.marquee.model.catalog.SeatingMode;
import java.time.Instant;

/** onSale is optional and defaults to true. */
public record ShowRequest(Long venueId, Instant startsAt, SeatingMode seatingMode, Boolean onSale) {
}
