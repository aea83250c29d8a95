package dev.marquee.server.inventory;

import dev.marquee.model.admin.ShowPatch;
import dev.marquee.model.admin.ShowRequest;
import dev.marquee.model.catalog.SeatingMode;
import dev.marquee.model.catalog.ShowDetail;
import dev.marquee.server.catalog.CatalogService;
import dev.marquee.server.platform.ApiException;
import dev.marquee.server.platform.Audit;
import dev.marquee.server.platform.ShowVersions;
import dev.marquee.server.platform.Transactions;
import dev.marquee.server.platform.Validate;
import java.time.Instant;
import java.util.Map;

/** Shows of an event at a venue, and whether they are on sale. */
public final class ShowService {

    private final Transactions transactions;
    private final Audit audit;

    public ShowService(Transactions transactions, Audit audit) {
        this.transactions = transactions;
        this.audit = audit;
    }

    public ShowDetail create(String actor, long eventId, ShowRequest request) {
        long venueId = Validate.range("venueId", request.venueId(), 1L, Long.MAX_VALUE);
        Instant startsAt = Validate.present("startsAt", request.startsAt());
        SeatingMode mode = Validate.present("seatingMode", request.seatingMode());
        boolean onSale = request.onSale() == null || request.onSale();
        return transactions.inTransaction(tx -> {
            if (tx.first("SELECT id FROM events WHERE id = ?", row -> row.getLong("id"), eventId).isEmpty()) {
                throw ApiException.notFound("There is no event " + eventId + ".");
            }
            if (tx.first("SELECT id FROM venues WHERE id = ?", row -> row.getLong("id"), venueId).isEmpty()) {
                throw ApiException.validation("venueId", "There is no venue " + venueId + ".");
            }
            long showId = tx.one("""
                    INSERT INTO shows (event_id, venue_id, starts_at, seating_mode, on_sale)
                    VALUES (?, ?, ?, ?, ?) RETURNING id""", row -> row.getLong("id"),
                    eventId, venueId, startsAt, mode, onSale);
            if (mode == SeatingMode.SEATED) {
                // Every seat starts AVAILABLE and in no tier; tiers claim seats later.
                tx.update("INSERT INTO show_seats (show_id, seat_id) SELECT ?, id FROM venue_seats WHERE venue_id = ?",
                        showId, venueId);
            }
            audit.record(tx, actor, "SHOW_CREATED", showId, Map.of("eventId", eventId, "venueId", venueId,
                    "startsAt", startsAt.toString(), "seatingMode", mode.name(), "onSale", onSale));
            ShowDetail show = CatalogService.show(tx, showId);
            ShowVersions.bump(tx, showId);
            return show;
        });
    }

    public ShowDetail setOnSale(String actor, long showId, ShowPatch patch) {
        boolean onSale = Validate.present("onSale", patch.onSale());
        return transactions.inTransaction(tx -> {
            // Locked first so the audit's "from" is the value this change replaced, not a concurrent one's.
            boolean wasOnSale = tx.first("SELECT on_sale FROM shows WHERE id = ? FOR NO KEY UPDATE",
                    row -> row.getBoolean("on_sale"), showId)
                    .orElseThrow(() -> CatalogService.showNotFound(showId));
            if (wasOnSale == onSale) {
                return CatalogService.show(tx, showId);
            }
            tx.update("UPDATE shows SET on_sale = ? WHERE id = ?", onSale, showId);
            audit.record(tx, actor, "SHOW_ON_SALE_CHANGED", showId, Map.of("from", wasOnSale, "to", onSale));
            ShowDetail show = CatalogService.show(tx, showId);
            ShowVersions.bump(tx, showId);
            return show;
        });
    }
}
