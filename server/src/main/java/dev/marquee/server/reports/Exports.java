package dev.marquee.server.reports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marquee.model.admin.AuditEntry;
import dev.marquee.model.admin.ChannelSales;
import dev.marquee.model.admin.ShowReport;
import dev.marquee.model.admin.TierReport;
import dev.marquee.model.booking.Channel;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The report and the audit log as CSV for a spreadsheet (docs/api-v1.2.md, "Exports"): the same figures the JSON
 * answers carry, one table each.
 */
final class Exports {

    private static final List<String> REPORT_HEADER = List.of("line", "tierId", "name", "capacity", "sold", "held",
            "available", "checkedIn", "tickets", "revenueCents");
    private static final List<String> AUDIT_HEADER = List.of("id", "at", "actor", "action", "showId", "details");

    private final ObjectMapper mapper;

    Exports(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** One row per tier, one per sales channel, and the total. */
    static String report(ShowReport report) {
        Csv csv = new Csv(REPORT_HEADER);
        for (TierReport tier : report.tiers()) {
            csv.row(Arrays.asList("tier", tier.tierId(), tier.name(), tier.capacity(), tier.sold(), tier.held(),
                    tier.available(), tier.checkedIn(), tier.sold(), tier.revenueCents()));
        }
        for (Map.Entry<Channel, ChannelSales> channel : report.byChannel().entrySet()) {
            csv.row(Arrays.asList("channel", null, channel.getKey().name(), null, null, null, null, null,
                    channel.getValue().tickets(), channel.getValue().revenueCents()));
        }
        csv.row(Arrays.asList("total", null, null,
                report.tiers().stream().mapToInt(TierReport::capacity).sum(),
                report.tiers().stream().mapToInt(TierReport::sold).sum(),
                report.tiers().stream().mapToInt(TierReport::held).sum(),
                report.tiers().stream().mapToInt(TierReport::available).sum(),
                report.tiers().stream().mapToInt(TierReport::checkedIn).sum(),
                report.tiers().stream().mapToInt(TierReport::sold).sum(),
                report.totalRevenueCents()));
        return csv.toString();
    }

    /** Newest first, as the log reads; details as their JSON text. */
    String audit(List<AuditEntry> entries) {
        Csv csv = new Csv(AUDIT_HEADER);
        for (AuditEntry entry : entries) {
            csv.row(Arrays.asList(entry.id(), entry.at(), entry.actor(), entry.action(), entry.showId(),
                    json(entry.details())));
        }
        return csv.toString();
    }

    private String json(Map<String, Object> details) {
        try {
            return mapper.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Audit details that were read as JSON no longer write as JSON", e);
        }
    }
}
