package dev.marquee.server.booking.waitlist;

import dev.marquee.model.booking.WaitlistEntryView;
import dev.marquee.model.booking.WaitlistOffer;
import dev.marquee.model.booking.WaitlistRequest;
import dev.marquee.model.booking.WaitlistState;
import dev.marquee.model.live.OfferMessage;
import dev.marquee.server.audit.Audit;
import dev.marquee.server.auth.Caller;
import dev.marquee.server.booking.holds.HoldService;
import dev.marquee.server.booking.holds.OfferHolds;
import dev.marquee.server.booking.stock.LockOrder;
import dev.marquee.server.booking.stock.ShowVersions;
import dev.marquee.server.catalog.CatalogService;
import dev.marquee.server.db.Transactions;
import dev.marquee.server.db.Tx;
import dev.marquee.server.error.ApiException;
import dev.marquee.server.error.Validate;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Joining a tier's waiting list, reading one's entries, and leaving (an open offer is released). */
public final class WaitlistService {

    static final int MAX_QUANTITY = 10;

    /** What {@link #join} answers: the entry, and whether this call made it (201) or found it (200). */
    public record Joined(WaitlistEntryView entry, boolean created) {
    }

    private final Transactions transactions;
    private final WaitingList list;
    private final HoldService holds;
    private final Audit audit;

    public WaitlistService(Transactions transactions, WaitingList list, HoldService holds, Audit audit) {
        this.transactions = transactions;
        this.list = list;
        this.holds = holds;
        this.audit = audit;
    }

    /**
     * The caller's entry for the show: a repeat while it waits or holds an offer answers it again; one that ended
     * (fulfilled, expired, left) joins again at the back. Tickets on sale right now for an entry that has nobody
     * waiting ahead are offered at once.
     */
    Joined join(Caller caller, long showId, WaitlistRequest request) {
        long tierId = Validate.present("tierId", request.tierId());
        int quantity = Validate.range("quantity", request.quantity(), 1, MAX_QUANTITY);
        return transactions.inTransaction(tx -> {
            // The tier first, locked, as every change of its stock and waiting list takes it.
            LockOrder.tiersOfShow(tx, requireShow(tx, showId), List.of(tierId));
            Optional<Entry> existing = entry(tx, "e.show_id = ? AND e.user_id = ?", showId, caller.id());
            if (existing.isPresent() && existing.get().live()) {
                return new Joined(view(tx, existing.get()), false);
            }
            requireWaitable(tx, caller, showId, tierId, quantity);
            UUID id = existing.map(Entry::id).orElseGet(UUID::randomUUID);
            tx.update("""
                    INSERT INTO waitlist_entries (id, show_id, tier_id, user_id, quantity, state)
                    VALUES (?, ?, ?, ?, ?, 'WAITING')
                    ON CONFLICT (show_id, user_id) DO UPDATE SET tier_id = EXCLUDED.tier_id,
                        quantity = EXCLUDED.quantity, state = 'WAITING', hold_id = NULL, ended_at = NULL,
                        joined_at = clock_timestamp(), seq = nextval('waitlist_entries_seq_seq')""",
                    id, showId, tierId, caller.id(), quantity);
            audit.record(tx, caller.email(), "WAITLIST_JOINED", showId,
                    Map.of("entryId", id.toString(), "tierId", tierId, "quantity", quantity));
            list.offerTier(tx, showId, tierId);
            ShowVersions.bump(tx, showId);
            return new Joined(view(tx, entry(tx, "e.id = ?", id).orElseThrow()), true);
        });
    }

    List<WaitlistEntryView> mine(Caller caller) {
        return transactions.inSnapshot(tx -> tx.list(SELECT + " WHERE e.user_id = ? ORDER BY e.joined_at DESC",
                WaitlistService::entry, caller.id()).stream().map(found -> view(tx, found)).toList());
    }

    /** Leaves the list: the entry becomes LEFT, and an offer it holds is released (its tickets offered on). */
    void leave(Caller caller, UUID entryId) {
        Entry entry = transactions.inSnapshot(tx -> entry(tx, "e.id = ?", entryId))
                .filter(found -> found.userId().equals(caller.id()))
                .orElseThrow(() -> notFound(entryId));
        if (entry.state() == WaitlistState.OFFERED && entry.holdId() != null) {
            holds.release(caller, entry.holdId());
        }
        // An offer released just now left the entry EXPIRED, by that same hold: it is this leave's.
        UUID released = entry.state() == WaitlistState.OFFERED ? entry.holdId() : null;
        transactions.inTransaction(tx -> {
            int left = tx.update("""
                    UPDATE waitlist_entries SET state = 'LEFT', ended_at = now()
                    WHERE id = ? AND (state IN ('WAITING', 'OFFERED') OR (state = 'EXPIRED' AND hold_id = ?))""",
                    entryId, released);
            if (left > 0) {
                audit.record(tx, caller.email(), "WAITLIST_LEFT", entry.showId(),
                        Map.of("entryId", entryId.toString()));
            }
            return null;
        });
    }

    private record Entry(UUID id, long showId, long tierId, UUID userId, int quantity, WaitlistState state,
                         UUID holdId, java.time.Instant offerExpiresAt, long seq) {

        boolean live() {
            return state == WaitlistState.WAITING || state == WaitlistState.OFFERED;
        }
    }

    private static final String SELECT = """
            SELECT e.id, e.show_id, e.tier_id, e.user_id, e.quantity, e.state, e.hold_id, e.seq,
                   h.expires_at AS offer_expires_at
            FROM waitlist_entries e LEFT JOIN holds h ON h.id = e.hold_id""";

    private static Optional<Entry> entry(Tx tx, String where, Object... params) {
        return tx.first(SELECT + " WHERE " + where, WaitlistService::entry, params);
    }

    private static Entry entry(ResultSet row) throws SQLException {
        return new Entry(Tx.uuid(row, "id"), row.getLong("show_id"), row.getLong("tier_id"), Tx.uuid(row, "user_id"),
                row.getInt("quantity"), WaitlistState.valueOf(row.getString("state")), Tx.uuid(row, "hold_id"),
                Tx.instant(row, "offer_expires_at"), row.getLong("seq"));
    }

    private static WaitlistEntryView view(Tx tx, Entry entry) {
        int position = entry.state() != WaitlistState.WAITING ? 0 : (int) tx.one("""
                SELECT count(*) AS ahead FROM waitlist_entries
                WHERE tier_id = ? AND state = 'WAITING' AND seq < ?""", row -> row.getLong("ahead"),
                entry.tierId(), entry.seq()).longValue() + 1;
        WaitlistOffer offer = entry.state() == WaitlistState.OFFERED && entry.holdId() != null
                ? new WaitlistOffer(entry.holdId().toString(), entry.offerExpiresAt()) : null;
        return new WaitlistEntryView(entry.id().toString(), entry.showId(), entry.tierId(), entry.quantity(),
                entry.state(), position, offer);
    }

    /**
     * A tier a FAN may wait for: not hidden (fans do not see it), and without the tickets on sale now (those are
     * held the usual way, through the show's line and its limit); and a quantity within the account's limit.
     */
    private static void requireWaitable(Tx tx, Caller caller, long showId, long tierId, int quantity) {
        record Tier(boolean hidden, int available) {
        }
        Tier tier = tx.one("SELECT hidden, capacity - held - sold AS available FROM tiers WHERE id = ?",
                row -> new Tier(row.getBoolean("hidden"), row.getInt("available")), tierId);
        if (tier.hidden() && !caller.isStaff()) {
            throw ApiException.notFound("There is no tier " + tierId + " in show " + showId + ".");
        }
        if (tier.available() >= quantity) {
            throw ApiException.validation("tierId", "This tier has " + tier.available() + " tickets on sale: hold "
                    + "them instead. The waiting list is for tickets that come back once a tier has too few left.");
        }
        OfferHolds.requireWithinLimit(tx, caller, showId, quantity);
    }

    private static long requireShow(Tx tx, long showId) {
        return tx.first("SELECT id FROM shows WHERE id = ?", row -> row.getLong("id"), showId)
                .orElseThrow(() -> CatalogService.showNotFound(showId));
    }

    /** An entry's offer as it stands now, for its fan's live connections; empty once it no longer stands. */
    public static Optional<OfferMessage> offerOf(Transactions transactions, UUID entryId) {
        return transactions.inSnapshot(tx -> tx.first("""
                SELECT e.id, e.show_id, e.hold_id, h.expires_at FROM waitlist_entries e JOIN holds h ON h.id = e.hold_id
                WHERE e.id = ? AND e.state = 'OFFERED'""", row -> OfferMessage.of(Tx.uuid(row, "id").toString(),
                row.getLong("show_id"), Tx.uuid(row, "hold_id").toString(), Tx.instant(row, "expires_at")),
                entryId));
    }

    static ApiException notFound(UUID entryId) {
        return ApiException.notFound("There is no waiting-list entry " + entryId + " of yours.");
    }
}
