package dev.marquee.server.booking.waitlist;

import dev.marquee.model.admin.ShowWaitlist;
import dev.marquee.model.admin.WaitlistAdminEntry;
import dev.marquee.model.admin.WaitlistTierLength;
import dev.marquee.model.booking.WaitlistOffer;
import dev.marquee.model.booking.WaitlistState;
import dev.marquee.server.catalog.CatalogService;
import dev.marquee.server.db.Reads;
import io.helidon.dbclient.DbRow;
import java.util.List;

/**
 * A show's waiting list for its administrator: each tier's length and the live entries in the order they will be
 * served, read in one snapshot so the lengths and the entries agree.
 */
public final class WaitlistAdminService {

    private final Reads reads;

    public WaitlistAdminService(Reads reads) {
        this.reads = reads;
    }

    ShowWaitlist of(long showId) {
        return reads.snapshot(db -> {
            db.createNamedGet("show-exists").addParam("showId", showId).execute()
                    .orElseThrow(() -> CatalogService.showNotFound(showId));
            List<WaitlistTierLength> tiers = db.createNamedQuery("waitlist-tiers").addParam("showId", showId)
                    .execute().map(row -> new WaitlistTierLength(Reads.number(row, "id"), Reads.text(row, "name"),
                            (int) Reads.number(row, "waiting_entries"), (int) Reads.number(row, "waiting_tickets"),
                            (int) Reads.number(row, "offered_entries")))
                    .toList();
            List<WaitlistAdminEntry> entries = db.createNamedQuery("waitlist-entries").addParam("showId", showId)
                    .execute().map(WaitlistAdminService::entry).toList();
            return new ShowWaitlist(showId, tiers, entries);
        });
    }

    private static WaitlistAdminEntry entry(DbRow row) {
        WaitlistState state = WaitlistState.valueOf(Reads.text(row, "state"));
        String holdId = Reads.text(row, "hold_id");
        WaitlistOffer offer = state == WaitlistState.OFFERED && holdId != null
                ? new WaitlistOffer(holdId, Reads.instant(row, "expires_at")) : null;
        return new WaitlistAdminEntry(Reads.text(row, "id"), Reads.number(row, "tier_id"), Reads.text(row, "email"),
                (int) Reads.number(row, "quantity"), state, (int) Reads.number(row, "position"),
                Reads.instant(row, "joined_at"), offer);
    }
}
