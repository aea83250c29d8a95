package dev.marquee.server.booking.stock;

import dev.marquee.model.booking.TierQuantity;
import dev.marquee.server.booking.stock.LockOrder;
import dev.marquee.server.db.Pipeline;
import dev.marquee.server.db.Tx;
import dev.marquee.server.error.ApiException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tiers a batch of sales draws on, locked once in id order (the global lock order, across shows): tiers the
 * general-admission sales name, and every tier of the seated shows sold (each seated sale then locks its own seats,
 * and only the tier locks keep those in order). General-admission stock is then taken in memory in arrival order,
 * all or nothing per sale, and written back in one statement at the end.
 */
public final class TierLedger {

    private final Map<Long, LockOrder.Tier> tiers = new LinkedHashMap<>();
    private final Map<Long, Integer> taken = new LinkedHashMap<>();

    private TierLedger() {
    }

    /**
     * Locks the tiers general-admission sales name and every tier of the seated shows, in id order. Its own round
     * trip, after the shows are read: folding the seated shows' tiers into the batch's first round trip needed a
     * look-up of the shows inside the statement, which PostgreSQL answered by reading every show row (dead versions
     * from the version bumps included) in every batch, and a spread booking cost the database half again as much.
     */
    public static TierLedger lock(Tx tx, Collection<Long> gaTierIds, Collection<Long> seatedShowIds) {
        TierLedger ledger = new TierLedger();
        LockOrder.tiersNamedAndOfShows(tx, gaTierIds, seatedShowIds).forEach(tier -> ledger.tiers.put(tier.id(), tier));
        return ledger;
    }

    /** What {@code items} of the show would take at the tiers' prices, or why they cannot be had; takes nothing. */
    public Allocation quote(long showId, List<TierQuantity> items) {
        List<Allocation.Line> lines = new ArrayList<>();
        for (TierQuantity item : items) {
            LockOrder.Tier tier = tiers.get(item.tierId());
            if (tier == null || tier.showId() != showId) {
                throw ApiException.notFound("There is no tier " + item.tierId() + " in show " + showId + ".");
            }
            int left = tier.available() - taken.getOrDefault(tier.id(), 0);
            int quantity = item.quantity();
            if (left < quantity) {
                LockOrder.Tier now = new LockOrder.Tier(tier.id(), tier.showId(), tier.name(), tier.priceCents(),
                        tier.capacity(), tier.held(), tier.capacity() - tier.held() - left);
                throw Stock.insufficient(now, quantity, left == 0 ? tier.name() + " is sold out."
                        : "Only " + left + " left in " + tier.name() + "; you asked for " + quantity + ".");
            }
            lines.add(new Allocation.Line(tier.id(), tier.name(), quantity, tier.priceCents()));
        }
        lines.sort(Comparator.comparingLong(Allocation.Line::tierId));
        return new Allocation(showId, lines, List.of());
    }

    public void take(Allocation allocation) {
        allocation.lines().forEach(line -> taken.merge(line.tierId(), line.quantity(), Integer::sum));
    }

    /** Writes every sale's quantities to the tiers in one statement. */
    public void writeSold(Pipeline writes) {
        if (taken.isEmpty()) {
            return;
        }
        writes.add("""
                UPDATE tiers t SET sold = t.sold + d.quantity
                FROM unnest(?::bigint[], ?::int[]) AS d(id, quantity) WHERE t.id = d.id""",
                writes.bigints(taken.keySet()), writes.ints(taken.values()));
    }
}
