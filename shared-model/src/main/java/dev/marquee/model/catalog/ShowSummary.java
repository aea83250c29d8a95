package dev.marquee.model.catalog;

import java.time.Instant;

/** A show in the list of events; {@code onSaleAt} only while one is set. */
public record ShowSummary(long id, Instant startsAt, String venueName, SeatingMode seatingMode, boolean onSale,
                          Instant onSaleAt) {
}
