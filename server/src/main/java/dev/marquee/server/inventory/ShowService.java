package dev.marquee.server.inventory;

import dev.marquee.model.admin.ShowRequest;
import dev.marquee.model.catalog.SeatingMode;
import dev.marquee.model.catalog.ShowDetail;
import dev.marquee.server.audit.Audit;
import dev.marquee.server.booking.stock.ShowVersions;
import dev.marquee.server.catalog.CatalogService;
import dev.marquee.server.db.Transactions;
import dev.marquee.server.error.ApiException;
import dev.marquee.server.error.Validate;
import dev.marquee.server.onsale.LineNotices;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Shows of an event at a venue, and how they go on sale: when, through what line, how many per account. */
public final class ShowService {

    /** The highest per-account limit a show may have; null means none. */
    static final int MAX_TICKETS_PER_ACCOUNT = 1000;

    private final Transactions transactions;
    private final Audit audit;

    public ShowService(Transactions transactions, Audit audit) {
        this.transactions = transactions;
        this.audit = audit;
    }

    public ShowDetail create(String actor, long eventId, ShowRequest request) {
        long venueId = Validate.range("venueId", request.venueId(), 1L, Long.MAX_VALUE);
        Instant startsAt = Validate.plausible("startsAt", request.startsAt());
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

    /**
     * Changes any of the show's sale settings; absent ones stay as they are. Every change is audited with what it
     * replaced, and every instance hears that the show's line changed.
     */
    public ShowDetail change(String actor, long showId, ShowChange change) {
        if (change.onSaleAtGiven() && change.onSaleAt() != null) {
            Validate.plausible("onSaleAt", change.onSaleAt());
        }
        if (change.maxTicketsGiven() && change.maxTicketsPerAccount() != null) {
            Validate.range("maxTicketsPerAccount", change.maxTicketsPerAccount(), 1, MAX_TICKETS_PER_ACCOUNT);
        }
        return transactions.inTransaction(tx -> {
            // Locked first so the audit's "from" is the value this change replaced, not a concurrent one's.
            ShowDetail before = tx.first("SELECT id FROM shows WHERE id = ? FOR NO KEY UPDATE", row -> true, showId)
                    .map(locked -> CatalogService.show(tx, showId))
                    .orElseThrow(() -> CatalogService.showNotFound(showId));
            Map<String, Object> changed = new LinkedHashMap<>();
            if (change.onSale() != null && change.onSale() != before.onSale()) {
                tx.update("UPDATE shows SET on_sale = ? WHERE id = ?", change.onSale(), showId);
                audit.record(tx, actor, "SHOW_ON_SALE_CHANGED", showId,
                        Map.of("from", before.onSale(), "to", change.onSale()));
            }
            if (change.waitingRoom() != null && change.waitingRoom() != before.waitingRoom()) {
                tx.update("UPDATE shows SET waiting_room = ? WHERE id = ?", change.waitingRoom(), showId);
                changed.put("waitingRoom", fromTo(before.waitingRoom(), change.waitingRoom()));
            }
            if (change.onSaleAtGiven() && !Objects.equals(change.onSaleAt(), before.onSaleAt())) {
                tx.update("UPDATE shows SET on_sale_at = ? WHERE id = ?", change.onSaleAt(), showId);
                changed.put("onSaleAt", fromTo(before.onSaleAt(), change.onSaleAt()));
            }
            if (change.maxTicketsGiven()
                    && !Objects.equals(change.maxTicketsPerAccount(), before.maxTicketsPerAccount())) {
                tx.update("UPDATE shows SET max_tickets_per_account = ? WHERE id = ?", change.maxTicketsPerAccount(),
                        showId);
                changed.put("maxTicketsPerAccount", fromTo(before.maxTicketsPerAccount(),
                        change.maxTicketsPerAccount()));
            }
            if (!changed.isEmpty()) {
                audit.record(tx, actor, "SHOW_SETTINGS_CHANGED", showId, changed);
            }
            ShowDetail after = CatalogService.show(tx, showId);
            if (!after.equals(before)) {
                LineNotices.announce(tx, showId);
                ShowVersions.bump(tx, showId);
            }
            return after;
        });
    }

    private static Map<String, Object> fromTo(Object from, Object to) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("from", from == null ? null : from.toString());
        values.put("to", to == null ? null : to.toString());
        return values;
    }
}
