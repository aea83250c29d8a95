package dev.marquee.server.booking.waitlist;

import dev.marquee.model.booking.HoldStatus;
import dev.marquee.server.audit.Audit;
import dev.marquee.server.booking.holds.HoldEnds;
import dev.marquee.server.booking.holds.OfferHolds;
import dev.marquee.server.booking.stock.StockReturns;
import dev.marquee.server.db.Pipeline;
import dev.marquee.server.db.Tx;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Offers returned tickets to the waiting list, inside the transaction that returned them (its tiers still locked),
 * so nobody else can buy them first: for each tier, the earliest waiting entry whose quantity the tier now has gets
 * a hold of it, owned by its account, and becomes OFFERED; then the next, while tickets last. An offer's hold that
 * is checked out makes the entry FULFILLED; one that expires (or is released) makes it EXPIRED, and its tickets,
 * back on sale in that transaction, go to the next entry the same way. Each offer is audited and announced to its
 * fan ({@code NOTIFY marquee_offer}, heard by every instance's live connections).
 */
public final class WaitingList implements StockReturns, HoldEnds {

    /** Where each offer is announced: {@code account:entryId}. */
    public static final String OFFER_CHANNEL = "marquee_offer";

    private record Next(UUID id, UUID userId, int quantity) {
    }

    private final OfferHolds holds;
    private final Audit audit;

    public WaitingList(OfferHolds holds, Audit audit) {
        this.holds = holds;
        this.audit = audit;
    }

    @Override
    public void returned(Tx tx, long showId, Collection<Long> tierIds) {
        for (long tierId : new TreeSet<>(tierIds)) {
            offerTier(tx, showId, tierId);
        }
    }

    /**
     * Offers what the tier has to its waiting entries, in order, while an entry's quantity fits. An entry whose
     * account is at the show's per-account limit is passed over this time (it keeps its place); the next may fit.
     */
    void offerTier(Tx tx, long showId, long tierId) {
        List<UUID> passedOver = new ArrayList<>();
        while (true) {
            // The tier is locked by the transaction that returned its tickets: its count stands until commit.
            int available = tx.one("SELECT capacity - held - sold AS available FROM tiers WHERE id = ?",
                    row -> row.getInt("available"), tierId);
            Optional<Next> next = available <= 0 ? Optional.empty() : tx.first("""
                    SELECT id, user_id, quantity FROM waitlist_entries
                    WHERE tier_id = ? AND state = 'WAITING' AND quantity <= ? AND NOT (id = ANY(?))
                    ORDER BY seq LIMIT 1 FOR UPDATE""",
                    row -> new Next(Tx.uuid(row, "id"), Tx.uuid(row, "user_id"), row.getInt("quantity")), tierId,
                    available, tx.uuids(passedOver));
            if (next.isEmpty()) {
                return;
            }
            switch (holds.make(tx, next.get().userId(), showId, tierId, next.get().quantity())) {
                case OfferHolds.Offer.Held held -> offered(tx, showId, tierId, next.get(), held.hold());
                case OfferHolds.Offer.OverLimit over -> passedOver.add(next.get().id());
                case OfferHolds.Offer.NotNow notNow -> {
                    return;
                }
            }
        }
    }

    private void offered(Tx tx, long showId, long tierId, Next next, OfferHolds.Made offer) {
        tx.update("UPDATE waitlist_entries SET state = 'OFFERED', hold_id = ? WHERE id = ?", offer.holdId(),
                next.id());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("entryId", next.id().toString());
        details.put("userId", next.userId().toString());
        details.put("holdId", offer.holdId().toString());
        details.put("tierId", tierId);
        details.put("quantity", next.quantity());
        details.put("expiresAt", offer.expiresAt().toString());
        audit.record(tx, "system", "WAITLIST_OFFERED", showId, details);
        tx.list("SELECT pg_notify(?, ?)", row -> Boolean.TRUE, OFFER_CHANNEL, next.userId() + ":" + next.id());
    }

    @Override
    public void addEnded(Pipeline writes, UUID holdId, HoldStatus outcome) {
        writes.add("""
                UPDATE waitlist_entries SET state = ?, ended_at = now() WHERE hold_id = ? AND state = 'OFFERED'""",
                outcome == HoldStatus.CHECKED_OUT ? "FULFILLED" : "EXPIRED", holdId);
    }
}
