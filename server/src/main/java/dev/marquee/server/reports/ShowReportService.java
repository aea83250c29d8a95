package dev.marquee.server.reports;

import dev.marquee.model.admin.ChannelSales;
import dev.marquee.model.admin.ShowReport;
import dev.marquee.model.admin.TierReport;
import dev.marquee.model.admin.VoucherKind;
import dev.marquee.model.admin.VoucherSales;
import dev.marquee.model.booking.Channel;
import dev.marquee.server.catalog.CatalogService;
import dev.marquee.server.db.Row;
import dev.marquee.server.db.Statements;
import io.helidon.dbclient.DbRow;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A show's sales report, read in one snapshot so tiers, channels and total agree. Revenue is the purchase price of
 * live tickets (valid or checked in); a refunded ticket no longer counts.
 */
public final class ShowReportService {

    private final Statements statements;

    public ShowReportService(Statements statements) {
        this.statements = statements;
    }

    ShowReport report(long showId) {
        return statements.snapshot(db -> {
            db.createNamedGet("show-exists").addParam("showId", showId).execute()
                    .orElseThrow(() -> CatalogService.showNotFound(showId));
            List<TierReport> tiers = db.createNamedQuery("report-tiers").addParam("showId", showId).execute()
                    .map(Row::of).map(row -> {
                        int capacity = (int) row.number("capacity");
                        int held = (int) row.number("held");
                        int sold = (int) row.number("sold");
                        return new TierReport(row.number("id"), row.text("name"), capacity, sold, held,
                                capacity - held - sold, row.number("revenue"),
                                (int) row.number("checked_in"));
                    })
                    .toList();
            Map<Channel, ChannelSales> byChannel = new EnumMap<>(Channel.class);
            for (Channel channel : Channel.values()) {
                byChannel.put(channel, new ChannelSales(0, 0));
            }
            try (Stream<DbRow> channels = db.createNamedQuery("report-channels").addParam("showId", showId)
                    .execute()) {
                channels.map(Row::of).forEach(row -> byChannel.put(Channel.valueOf(row.text("channel")),
                        new ChannelSales(row.number("tickets"), row.number("revenue"))));
            }
            long total = tiers.stream().mapToLong(TierReport::revenueCents).sum();
            List<VoucherSales> vouchers = db.createNamedQuery("report-vouchers").addParam("showId", showId)
                    .execute().map(Row::of).map(row -> new VoucherSales(row.number("id"), row.text("code"),
                            VoucherKind.valueOf(row.text("kind")), (int) row.number("uses"),
                            (int) row.number("max_uses"), row.number("tickets"),
                            row.number("revenue"), row.number("discount")))
                    .toList();
            return new ShowReport(showId, tiers, byChannel, total, vouchers);
        });
    }
}
