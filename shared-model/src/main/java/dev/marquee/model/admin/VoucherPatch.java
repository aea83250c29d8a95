package dev.marquee.model.admin;

/** Turns a voucher off (or on again): a disabled voucher is refused as EXPIRED. */
public record VoucherPatch(Boolean disabled) {
}
