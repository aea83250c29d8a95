package dev.marquee.server.booking.holds;

import dev.marquee.model.booking.TierQuantity;
import dev.marquee.model.error.ErrorCode;
import dev.marquee.server.auth.Caller;
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

    /** What an offer came to: a hold, or why none (the tickets cannot be had, or the account is at its limit). */
    public sealed interface Offer permits Offer.Held, Offer.NotNow, Offer.OverLimit {
        /** The hold made. */
        record Held(Made hold) implements Offer {
        }

        /** Too few tickets, or the show not selling online: nobody further in line can have them either. */
        record NotNow() implements Offer {
        }

        /** The account would pass the show's per-account limit: the next in line may still have them. */
        record OverLimit() implements Offer {
        }
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
     * A hold of {@code quantity} tickets of the tier for the account, counted against the show's per-account limit
     * as the account's own hold would be. In a savepoint, so a refusal leaves the transaction as it was.
     */
    public Offer make(Tx tx, UUID userId, long showId, long tierId, int quantity) {
        try {
            return tx.inSavepoint(t -> {
                UUID holdId = UUID.randomUUID();
                Pipeline writes = t.pipeline();
                Allocation allocation = Allocator.allocate(t, layouts, showId,
                        new BookingItems.TierQuantities(List.of(new TierQuantity(tierId, quantity))),
                        Allocator.Target.HELD, holdId, window.online(), writes);
                AccountLimit.Usage[] usage = new AccountLimit.Usage[1];
                AccountLimit.addCount(writes, userId, showId, found -> usage[0] = found);
                Instant[] expiresAt = new Instant[1];
                Holds.addInsert(writes, holdId, userId, allocation, null, ttl.toSeconds(), at -> expiresAt[0] = at);
                writes.run();
                AccountLimit.verify(usage[0], allocation.tickets());
                return new Offer.Held(new Made(holdId, expiresAt[0], allocation));
            });
        } catch (ApiException cannot) {
            return cannot.code() == ErrorCode.LIMIT_REACHED ? new Offer.OverLimit() : new Offer.NotNow();
        }
    }

    /** Refuses (LIMIT_REACHED) a FAN asking to wait for more tickets than the show's per-account limit leaves. */
    public static void requireWithinLimit(Tx tx, Caller caller, long showId, int quantity) {
        AccountLimit.require(tx, caller, showId, quantity);
    }
}
