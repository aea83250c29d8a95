package dev.marquee.model.booking;

import java.util.List;

/** Either items (by tier quantity) or seatIds (chosen seats), never both. */
/** A hold: tiers and quantities, or chosen seats; {@code voucherCode} optional (v1.2). */
public record HoldRequest(Long showId, List<TierQuantity> items, List<Long> seatIds, String voucherCode) {

    public HoldRequest(Long showId, List<TierQuantity> items, List<Long> seatIds) {
        this(showId, items, seatIds, null);
    }
}
