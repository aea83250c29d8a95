package dev.marquee.model.booking;

import java.util.List;

/** Either items (by tier quantity) or seatIds (chosen seats), never both. */
public record HoldRequest(Long showId, List<TierQuantity> items, List<Long> seatIds) {
}
