package dev.marquee.model.admin;

import dev.marquee.model.catalog.SeatingMode;

public record TierView(long id, long showId, String name, int priceCents, int capacity, int available, int held,
                       int sold, SeatingMode seatingMode, Boolean hidden) {
}
