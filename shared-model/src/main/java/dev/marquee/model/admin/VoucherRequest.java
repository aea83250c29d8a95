package dev.marquee.model.admin;

import java.time.Instant;
import java.util.List;

/** A new voucher for a show (v1.2). {@code tierIds} null: every tier of the show. */
public record VoucherRequest(String code, VoucherKind kind, Integer value, List<Long> tierIds, Integer maxUses,
                             Instant validFrom, Instant validUntil) {
}
