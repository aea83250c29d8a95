package dev.marquee.server.boxoffice;

import dev.marquee.model.booking.TicketStatus;
import dev.marquee.model.booking.TicketView;
import dev.marquee.model.boxoffice.CheckinView;
import dev.marquee.model.error.ErrorCode;
import dev.marquee.server.audit.Audit;
import dev.marquee.server.auth.Caller;
import dev.marquee.server.booking.stock.ShowVersions;
import dev.marquee.server.db.Transactions;
import dev.marquee.server.db.Tx;
import dev.marquee.server.error.ApiException;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Admits a ticket at the door, once. The ticket row is locked, so of two scans of one code at the same instant
 * exactly one admits and the other hears ALREADY_CHECKED_IN. A refunded ticket is no ticket (404). The show's version
 * is bumped last, so its live subscribers (an open report among them) hear of every admission.
 */
public final class CheckinService {

    private record Scanned(UUID ticketId, UUID orderId, long showId, String status, Instant checkedInAt) {
    }

    private final Transactions transactions;
    private final Audit audit;

    public CheckinService(Transactions transactions, Audit audit) {
        this.transactions = transactions;
        this.audit = audit;
    }

    CheckinView checkIn(Caller caller, String scannedCode) {
        String code = ScannedCodes.normalize(scannedCode).orElseThrow(CheckinService::unknown);
        return transactions.inTransaction(tx -> {
            Scanned ticket = tx.first("""
                    SELECT id, order_id, show_id, status, checked_in_at FROM tickets WHERE code = ? FOR UPDATE""",
                    row -> new Scanned(Tx.uuid(row, "id"), Tx.uuid(row, "order_id"), row.getLong("show_id"),
                            row.getString("status"), Tx.instant(row, "checked_in_at")), code)
                    .filter(found -> found.status().equals(TicketStatus.VALID.name())
                            || found.status().equals(TicketStatus.CHECKED_IN.name()))
                    .orElseThrow(CheckinService::unknown);
            if (ticket.status().equals(TicketStatus.CHECKED_IN.name())) {
                throw new ApiException(ErrorCode.ALREADY_CHECKED_IN,
                        "This ticket was already scanned in at " + ticket.checkedInAt() + ".",
                        Map.of("checkedInAt", ticket.checkedInAt()));
            }
            tx.update("UPDATE tickets SET status = 'CHECKED_IN', checked_in_at = clock_timestamp() WHERE id = ?",
                    ticket.ticketId());
            audit.record(tx, caller.email(), "CHECK_IN", ticket.showId(), Map.of(
                    "ticketId", ticket.ticketId().toString(), "orderId", ticket.orderId().toString()));
            CheckinView admitted = view(tx, ticket.ticketId());
            // Not a change of availability, but of the show's sales: subscribers hear it, so an open report's
            // check-in count moves as the door admits.
            ShowVersions.bump(tx, ticket.showId());
            return admitted;
        });
    }

    private static CheckinView view(Tx tx, UUID ticketId) {
        return tx.one("""
                SELECT t.id, t.code, t.tier_id, ti.name AS tier_name, t.seat_label, t.price_cents, t.status,
                       t.checked_in_at, t.order_id, t.show_id, e.title, s.starts_at, o.customer_name
                FROM tickets t JOIN tiers ti ON ti.id = t.tier_id JOIN orders o ON o.id = t.order_id
                     JOIN shows s ON s.id = t.show_id JOIN events e ON e.id = s.event_id
                WHERE t.id = ?""", row -> new CheckinView(
                new TicketView(Tx.uuid(row, "id").toString(), row.getString("code"), row.getLong("tier_id"),
                        row.getString("tier_name"), row.getString("seat_label"), row.getInt("price_cents"),
                        TicketStatus.valueOf(row.getString("status"))),
                Tx.uuid(row, "order_id").toString(), row.getLong("show_id"), row.getString("title"),
                Tx.instant(row, "starts_at"), row.getString("customer_name"), Tx.instant(row, "checked_in_at")),
                ticketId);
    }

    private static ApiException unknown() {
        return ApiException.notFound("No valid ticket has this code.");
    }
}
