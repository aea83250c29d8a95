package dev.marquee.server.reports;

import dev.marquee.model.admin.ChannelSales;
import dev.marquee.model.admin.ShowReport;
import dev.marquee.model.admin.TierReport;
import dev.marquee.model.admin.VoucherKind;
import dev.marquee.model.admin.VoucherSales;
import dev.marquee.model.booking.Channel;
import dev.marquee.server.catalog.CatalogService;
import dev.marquee.server.db.Reads;
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

    private final Reads reads;

    public ShowReportService(Reads reads) {
        this.reads = reads;
    }

    ShowReport report(long showId) {
        return reads.snapshot(db -> {
            db.createNamedGet("show-exists").addParam("showId", showId).execute()
                    .orElseThrow(() -> CatalogService.showNotFound(showId));
            List<TierReport> tiers = db.createNamedQuery("report-tiers").addParam("showId", showId).execute()
                    .map(row -> {
                        int capacity = (int) Reads.number(row, "capacity");
                        int held = (int) Reads.number(row, "held");
                        int sold = (int) Reads.number(row, "sold");
                        return new TierReport(Reads.number(row, "id"), Reads.text(row, "name"), capacity, sold, held,
                                capacity - held - sold, Reads.number(row, "revenue"),
                                (int) Reads.number(row, "checked_in"));
                    })
                    .toList();
            Map<Channel, ChannelSales> byChannel = new EnumMap<>(Channel.class);
            for (Channel channel : Channel.values()) {
                byChannel.put(channel, new ChannelSales(0, 0));
            }
            try (Stream<DbRow> channels = db.createNamedQuery("report-channels").addParam("showId", showId)
                    .execute()) {
                channels.forEach(row -> byChannel.put(Channel.valueOf(Reads.text(row, "channel")),
                        new ChannelSales(Reads.number(row, "tickets"), Reads.number(row, "revenue"))));
            }
            long total = tiers.stream().mapToLong(TierReport::revenueCents).sum();
            List<VoucherSales> vouchers = db.createNamedQuery("report-vouchers").addParam("showId", showId)
                    .execute().map(row -> new VoucherSales(Reads.number(row, "id"), Reads.text(row, "code"),
                            VoucherKind.valueOf(Reads.text(row, "kind")), (int) Reads.number(row, "uses"),
                            (int) Reads.number(row, "max_uses"), Reads.number(row, "tickets"),
                            Reads.number(row, "revenue"), Reads.number(row, "discount")))
                    .toList();
            return new ShowReport(showId, tiers, byChannel, total, vouchers);
        });
    }
}
