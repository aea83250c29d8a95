package dev.marquee.model.catalog;

import java.time.Instant;

public record ShowSummary(long id, Instant startsAt, String venueName, SeatingMode seatingMode, boolean onSale) {
}
