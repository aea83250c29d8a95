package dev.marquee.model.admin;

/** What a voucher does: a percentage off each ticket, an amount off each ticket, or hidden tiers opened. */
public enum VoucherKind {
    PERCENT, AMOUNT, UNLOCK
}
