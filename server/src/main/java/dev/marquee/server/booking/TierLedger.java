package dev.marquee.server.booking;

import dev.marquee.model.booking.TierQuantity;
import dev.marquee.server.platform.ApiException;
import dev.marquee.server.platform.Tx;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The general-admission tiers a batch of sales draws on: locked once in id order, then taken from in memory in
 * arrival order, all or nothing per sale, and written back in one statement at the end.
 */
final class TierLedger {

    private final long showId;
    private final Map<Long, Stock.Tier> tiers = new LinkedHashMap<>();
    private final Map<Long, Integer> taken = new LinkedHashMap<>();

    private TierLedger(long showId) {
        this.showId = showId;
    }

    /** Locks the show's tiers among {@code tierIds}, in id order; ids not of this show are simply absent. */
    static TierLedger lock(Tx tx, long showId, Collection<Long> tierIds) {
        TierLedger ledger = new TierLedger(showId);
        tx.list("""
                SELECT id, name, price_cents, capacity, held, sold FROM tiers
                WHERE show_id = ? AND id = ANY(?) ORDER BY id FOR UPDATE""",
                row -> ledger.tiers.put(row.getLong("id"), new Stock.Tier(row.getLong("id"), row.getString("name"),
                        row.getInt("price_cents"), row.getInt("capacity"), row.getInt("held"), row.getInt("sold"))),
                showId, tx.bigints(new TreeSet<>(tierIds)));
        return ledger;
    }

    /** What {@code items} would take at the tiers' prices, or why they cannot be had; takes nothing yet. */
    Allocation quote(List<TierQuantity> items) {
        List<Allocation.Line> lines = new ArrayList<>();
        for (TierQuantity item : items) {
            Stock.Tier tier = tiers.get(item.tierId());
            if (tier == null) {
                throw ApiException.notFound("There is no tier " + item.tierId() + " in show " + showId + ".");
            }
            int left = available(tier);
            int quantity = item.quantity();
            if (left < quantity) {
                Stock.Tier now = new Stock.Tier(tier.id(), tier.name(), tier.priceCents(), tier.capacity(),
                        tier.held(), tier.sold() + taken.getOrDefault(tier.id(), 0));
                throw Stock.insufficient(now, quantity, left == 0 ? tier.name() + " is sold out."
                        : "Only " + left + " left in " + tier.name() + "; you asked for " + quantity + ".");
            }
            lines.add(new Allocation.Line(tier.id(), tier.name(), quantity, tier.priceCents()));
        }
        lines.sort(java.util.Comparator.comparingLong(Allocation.Line::tierId));
        return new Allocation(showId, lines, List.of());
    }

    void take(Allocation allocation) {
        allocation.lines().forEach(line -> taken.merge(line.tierId(), line.quantity(), Integer::sum));
    }

    /** Writes every sale's quantities to the tiers in one statement. */
    void writeSold(Tx tx) {
        if (taken.isEmpty()) {
            return;
        }
        tx.update("""
                UPDATE tiers t SET sold = t.sold + d.quantity
                FROM unnest(?::bigint[], ?::int[]) AS d(id, quantity) WHERE t.id = d.id""",
                tx.bigints(taken.keySet()), tx.ints(taken.values()));
    }

    private int available(Stock.Tier tier) {
        return tier.available() - taken.getOrDefault(tier.id(), 0);
    }
}
