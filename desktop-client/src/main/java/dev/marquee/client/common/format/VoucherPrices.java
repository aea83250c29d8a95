package dev.marquee.client.common.format;

import dev.marquee.model.admin.VoucherView;
import java.util.Locale;

/** What a voucher does to a ticket's price, as the server prices it (docs/api-v1.2.md, "Vouchers"), and in words. */
public final class VoucherPrices {

    private VoucherPrices() {
    }

    /** Whether the voucher applies to tickets of the tier. */
    public static boolean appliesTo(VoucherView voucher, long tierId) {
        return voucher.tierIds() == null || voucher.tierIds().contains(tierId);
    }

    /** The ticket's price with the voucher: never below zero. */
    public static int price(VoucherView voucher, int listPriceCents) {
        return switch (voucher.kind()) {
            case PERCENT -> listPriceCents - (int) ((long) listPriceCents * voucher.value() / 100);
            case AMOUNT -> Math.max(0, listPriceCents - voucher.value());
            case UNLOCK -> listPriceCents;
        };
    }

    /** "10 % off each ticket", "$5.00 off each ticket", "Opens hidden tiers". */
    public static String describe(VoucherView voucher) {
        return switch (voucher.kind()) {
            case PERCENT -> String.format(Locale.ROOT, "%d %% off each ticket", voucher.value());
            case AMOUNT -> Money.format(voucher.value()) + " off each ticket";
            case UNLOCK -> "Opens hidden tiers";
        };
    }
}
