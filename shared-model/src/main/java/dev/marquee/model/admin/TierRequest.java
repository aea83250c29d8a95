package dev.marquee.model.admin;

import java.util.List;

/** capacity for a GA tier, seatIds for a seated one. */
/** A new tier; {@code hidden} (v1.2, default false) keeps it from fans without an UNLOCK voucher. */
public record TierRequest(String name, Integer priceCents, Integer capacity, List<Long> seatIds, Boolean hidden) {

    public TierRequest(String name, Integer priceCents, Integer capacity, List<Long> seatIds) {
        this(name, priceCents, capacity, seatIds, null);
    }
}
