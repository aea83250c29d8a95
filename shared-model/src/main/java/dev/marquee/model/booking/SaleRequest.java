package dev.marquee.model.booking;

import java.util.List;

/** A box-office sale in one step: the hold request and the checkout together. */
public record SaleRequest(Long showId, List<TierQuantity> items, List<Long> seatIds, Payment payment,
                          String customerName) {
}
