package dev.marquee.server.reports;

import dev.marquee.model.admin.ChannelSales;
import dev.marquee.model.admin.ShowReport;
import dev.marquee.model.admin.TierReport;
import dev.marquee.model.booking.Channel;
import dev.marquee.server.catalog.CatalogService;
import dev.marquee.server.db.Transactions;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A show's sales report, read in one snapshot so tiers, channels and total agree. Revenue is the purchase price of
 * live tickets (valid or checked in); a refunded ticket no longer counts.
 */
public final class ShowReportService {

    private final Transactions transactions;

    public ShowReportService(Transactions transactions) {
        this.transactions = transactions;
    }

    ShowReport report(long showId) {
        return transactions.inSnapshot(tx -> {
            tx.first("SELECT id FROM shows WHERE id = ?", row -> row.getLong("id"), showId)
                    .orElseThrow(() -> CatalogService.showNotFound(showId));
            List<TierReport> tiers = tx.list("""
                    SELECT t.id, t.name, t.capacity, t.sold, t.held,
                           coalesce(sum(tk.price_cents), 0) AS revenue,
                           count(tk.id) FILTER (WHERE tk.status = 'CHECKED_IN') AS checked_in
                    FROM tiers t LEFT JOIN tickets tk ON tk.tier_id = t.id AND tk.status <> 'REFUNDED'
                    WHERE t.show_id = ? GROUP BY t.id ORDER BY t.id""",
                    row -> new TierReport(row.getLong("id"), row.getString("name"), row.getInt("capacity"),
                            row.getInt("sold"), row.getInt("held"),
                            row.getInt("capacity") - row.getInt("held") - row.getInt("sold"),
                            row.getLong("revenue"), row.getInt("checked_in")), showId);
            Map<Channel, ChannelSales> byChannel = new EnumMap<>(Channel.class);
            for (Channel channel : Channel.values()) {
                byChannel.put(channel, new ChannelSales(0, 0));
            }
            tx.list("""
                    SELECT o.channel, count(*) AS tickets, sum(tk.price_cents) AS revenue
                    FROM tickets tk JOIN orders o ON o.id = tk.order_id
                    WHERE tk.tier_id IN (SELECT id FROM tiers WHERE show_id = ?) AND tk.status <> 'REFUNDED'
                    GROUP BY o.channel""", row -> byChannel.put(Channel.valueOf(row.getString("channel")),
                    new ChannelSales(row.getLong("tickets"), row.getLong("revenue"))), showId);
            long total = tiers.stream().mapToLong(TierReport::revenueCents).sum();
            return new ShowReport(showId, tiers, byChannel, total);
        });
    }
}
