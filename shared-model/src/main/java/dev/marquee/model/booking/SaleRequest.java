package dev.marquee.model.booking;

import java.util.List;

/** A box-office sale in one step: the hold request and the checkout together. */
/** A box-office sale; {@code voucherCode} optional (v1.2). */
public record SaleRequest(Long showId, List<TierQuantity> items, List<Long> seatIds, Payment payment,
                          String customerName, String voucherCode) {

    public SaleRequest(Long showId, List<TierQuantity> items, List<Long> seatIds, Payment payment,
                       String customerName) {
        this(showId, items, seatIds, payment, customerName, null);
    }
}
