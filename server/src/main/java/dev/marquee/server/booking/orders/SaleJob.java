package dev.marquee.server.booking.orders;

import dev.marquee.model.booking.Payment;
import dev.marquee.server.auth.Caller;
import dev.marquee.server.booking.stock.BookingItems;

/**
 * One box-office sale, checked and fingerprinted, waiting to be sold alone or in a batch with others;
 * {@code voucherCode} null when none was given.
 */
public record SaleJob(Caller caller, String idempotencyKey, byte[] requestHash, long showId, BookingItems wanted,
                      Payment payment, String customerName, String voucherCode) {
}
