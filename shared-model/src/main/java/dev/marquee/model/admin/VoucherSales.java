package dev.marquee.model.admin;

/**
 * What one voucher sold in a show's report: its live tickets and their revenue (discounted prices), and the
 * discount its orders were given at sale.
 */
public record VoucherSales(long voucherId, String code, VoucherKind kind, int uses, int maxUses, long tickets,
                           long revenueCents, long discountCents) {
}
