package dev.marquee.model.boxoffice;

import java.time.Instant;

/**
 * A shift's drawer figures: running while open, frozen at close (the Z-report). {@code closedAt},
 * {@code countedCashCents} and {@code varianceCents} are set only once the shift is closed.
 * {@code expectedCashCents = openingFloatCents + cashSalesCents - cashRefundsCents};
 * {@code varianceCents = countedCashCents - expectedCashCents} (negative when the drawer is short).
 */
public record ShiftReport(String id, Instant openedAt, Instant closedAt, long openingFloatCents, long cashSalesCents,
                          long cashRefundsCents, long cardSalesCents, long cardRefundsCents, long expectedCashCents,
                          Long countedCashCents, Long varianceCents, int ticketsSold, int ticketsRefunded) {
}
