package dev.marquee.model.admin;

import dev.marquee.model.booking.Channel;
import java.util.List;
import java.util.Map;

/** A show's sales: per tier, per channel, and in total. Revenue counts live tickets at their purchase price. */
public record ShowReport(long showId, List<TierReport> tiers, Map<Channel, ChannelSales> byChannel,
                         long totalRevenueCents, List<VoucherSales> vouchers) {
}
