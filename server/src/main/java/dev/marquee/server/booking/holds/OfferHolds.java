package dev.marquee.server.booking.holds;

import dev.marquee.model.booking.TierQuantity;
import dev.marquee.server.booking.stock.Allocation;
import dev.marquee.server.booking.stock.Allocator;
import dev.marquee.server.booking.stock.BookingItems;
import dev.marquee.server.booking.stock.SaleWindow;
import dev.marquee.server.booking.stock.VenueLayouts;
import dev.marquee.server.db.Pipeline;
import dev.marquee.server.db.Tx;
import dev.marquee.server.error.ApiException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Holds made for someone who did not ask just now: a waiting list's offer, tickets set aside for an account inside
 * the transaction that returned them. The show must sell online, as for the fan's own hold.
 */
public final class OfferHolds {

    /** A hold made and when it ends. */
    public record Made(UUID holdId, Instant expiresAt, Allocation allocation) {
    }

    private final VenueLayouts layouts;
    private final SaleWindow window;
    private final Duration ttl;

    public OfferHolds(VenueLayouts layouts, SaleWindow window, Duration ttl) {
        this.layouts = layouts;
        this.window = window;
        this.ttl = ttl;
    }

    /**
     * A hold of {@code quantity} tickets of the tier for the account, or null when they cannot be had now (too few,
     * the show not selling online). In a savepoint, so a refusal leaves the transaction as it was.
     */
    public Made make(Tx tx, UUID userId, long showId, long tierId, int quantity) {
        try {
            return tx.inSavepoint(t -> {
                UUID holdId = UUID.randomUUID();
                Pipeline writes = t.pipeline();
                Allocation allocation = Allocator.allocate(t, layouts, showId,
                        new BookingItems.TierQuantities(List.of(new TierQuantity(tierId, quantity))),
                        Allocator.Target.HELD, holdId, window.online(), writes);
                Instant[] expiresAt = new Instant[1];
                Holds.addInsert(writes, holdId, userId, allocation, null, ttl.toSeconds(), at -> expiresAt[0] = at);
                writes.run();
                return new Made(holdId, expiresAt[0], allocation);
            });
        } catch (ApiException cannot) {
            return null;
        }
    }
}
