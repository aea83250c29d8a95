package dev.marquee.model.booking;

import java.util.List;

/**
 * An exchange at the counter (v1.2): tickets of an order given back for new ones of {@code showId}, by tier and
 * quantity or by chosen seats; {@code payment} covers the difference when the new tickets cost more.
 */
public record ExchangeRequest(List<String> ticketIds, Long showId, List<TierQuantity> items, List<Long> seatIds,
                              Payment payment) {
}
