package dev.marquee.server.booking.vouchers;

/** What a hold or a sale took of a voucher: its uses (one per ticket) and the discount they gave, in cents. */
public record Redemption(long voucherId, String code, int uses, long discountCents) {
}
