package dev.marquee.model.booking;

import java.time.Instant;
import java.util.List;

/** A hold; {@code voucherCode} is the voucher it redeemed (absent without one), its prices already discounted. */
public record HoldView(String id, long showId, HoldStatus status, Instant expiresAt, List<HoldItem> items,
                       List<HeldSeat> seats, long totalCents, String voucherCode) {

    public HoldView(String id, long showId, HoldStatus status, Instant expiresAt, List<HoldItem> items,
                    List<HeldSeat> seats, long totalCents) {
        this(id, showId, status, expiresAt, items, seats, totalCents, null);
    }
}
