package dev.marquee.model.admin;

import java.util.List;

/** capacity for a GA tier, seatIds for a seated one. */
public record TierRequest(String name, Integer priceCents, Integer capacity, List<Long> seatIds) {
}
