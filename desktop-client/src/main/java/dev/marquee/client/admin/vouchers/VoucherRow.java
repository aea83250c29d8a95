package dev.marquee.client.admin.vouchers;

import dev.marquee.client.common.format.ShowTimes;
import dev.marquee.client.common.format.VoucherPrices;
import dev.marquee.model.admin.VoucherView;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** One voucher, worded for a table: what it gives, the tiers it is for, when it is valid, its uses. */
public record VoucherRow(long id, String code, String gives, String tiers, String window, String uses, String state,
                         boolean disabled) {

    /** {@code tierLabels}: the show's tiers by id, as the form names them. */
    static VoucherRow of(VoucherView voucher, Map<Long, String> tierLabels, ShowTimes times) {
        return new VoucherRow(voucher.id(), voucher.code(), VoucherPrices.describe(voucher),
                tiers(voucher.tierIds(), tierLabels), window(voucher.validFrom(), voucher.validUntil(), times),
                voucher.uses() + " of " + voucher.maxUses(), voucher.disabled() ? "Off" : "On", voucher.disabled());
    }

    /** "Every tier", or the tiers named; a tier deleted since, or not listed, by its id. */
    static String tiers(List<Long> tierIds, Map<Long, String> tierLabels) {
        if (tierIds == null) {
            return "Every tier";
        }
        return tierIds.stream().map(id -> tierLabels.getOrDefault(id, "Tier " + id)).collect(Collectors.joining(", "));
    }

    /** "Any time", "From …", "Until …" or "… to …", in the user's zone. */
    static String window(Instant from, Instant until, ShowTimes times) {
        if (from == null && until == null) {
            return "Any time";
        }
        if (until == null) {
            return "From " + times.format(from);
        }
        return (from == null ? "Until " : times.format(from) + " to ") + times.format(until);
    }
}
