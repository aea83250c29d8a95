package dev.marquee.server.booking.waitlist;

import dev.marquee.model.admin.ShowWaitlist;
import dev.marquee.model.admin.WaitlistAdminEntry;
import dev.marquee.model.admin.WaitlistTierLength;
import dev.marquee.model.booking.WaitlistOffer;
import dev.marquee.model.booking.WaitlistState;
import dev.marquee.server.catalog.CatalogService;
import dev.marquee.server.db.Row;
import dev.marquee.server.db.Statements;
import java.util.List;

/**
 * A show's waiting list for its administrator: each tier's length and the live entries in the order they will be
 * served, read in one snapshot so the lengths and the entries agree.
 */
public final class WaitlistAdminService {

    private final Statements statements;

    public WaitlistAdminService(Statements statements) {
        this.statements = statements;
    }

    ShowWaitlist of(long showId) {
        return statements.snapshot(db -> {
            db.createNamedGet("show-exists").addParam("showId", showId).execute()
                    .orElseThrow(() -> CatalogService.showNotFound(showId));
            List<WaitlistTierLength> tiers = db.createNamedQuery("waitlist-tiers").addParam("showId", showId)
                    .execute().map(Row::of).map(row -> new WaitlistTierLength(row.number("id"), row.text("name"),
                            (int) row.number("waiting_entries"), (int) row.number("waiting_tickets"),
                            (int) row.number("offered_entries")))
                    .toList();
            List<WaitlistAdminEntry> entries = db.createNamedQuery("waitlist-entries").addParam("showId", showId)
                    .execute().map(Row::of).map(WaitlistAdminService::entry).toList();
            return new ShowWaitlist(showId, tiers, entries);
        });
    }

    private static WaitlistAdminEntry entry(Row row) {
        WaitlistState state = WaitlistState.valueOf(row.text("state"));
        String holdId = row.text("hold_id");
        WaitlistOffer offer = state == WaitlistState.OFFERED && holdId != null
                ? new WaitlistOffer(holdId, row.instant("expires_at")) : null;
        return new WaitlistAdminEntry(row.text("id"), row.number("tier_id"), row.text("email"),
                (int) row.number("quantity"), state, (int) row.number("position"),
                row.instant("joined_at"), offer);
    }
}
