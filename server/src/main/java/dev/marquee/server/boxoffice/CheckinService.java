package dev.marquee.server.boxoffice;

import dev.marquee.model.booking.TicketStatus;
import dev.marquee.model.booking.TicketView;
import dev.marquee.model.boxoffice.CheckinView;
import dev.marquee.model.error.ErrorCode;
import dev.marquee.server.audit.Audit;
import dev.marquee.server.auth.Caller;
import dev.marquee.server.booking.stock.ShowVersions;
import dev.marquee.server.db.Row;
import dev.marquee.server.db.Statements;
import dev.marquee.server.error.ApiException;
import io.helidon.dbclient.DbExecute;
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

    private final Statements statements;
    private final Audit audit;

    public CheckinService(Statements statements, Audit audit) {
        this.statements = statements;
        this.audit = audit;
    }

    CheckinView checkIn(Caller caller, String scannedCode) {
        String code = ScannedCodes.normalize(scannedCode).orElseThrow(CheckinService::unknown);
        return statements.transaction(db -> {
            Scanned ticket = db.createNamedGet("checkin-ticket").addParam("code", code).execute().map(Row::of)
                    .map(row -> new Scanned(row.uuid("id"), row.uuid("order_id"), row.number("show_id"),
                            row.text("status"), row.instant("checked_in_at")))
                    .filter(found -> found.status().equals(TicketStatus.VALID.name())
                            || found.status().equals(TicketStatus.CHECKED_IN.name()))
                    .orElseThrow(CheckinService::unknown);
            if (ticket.status().equals(TicketStatus.CHECKED_IN.name())) {
                throw new ApiException(ErrorCode.ALREADY_CHECKED_IN,
                        "This ticket was already scanned in at " + ticket.checkedInAt() + ".",
                        Map.of("checkedInAt", ticket.checkedInAt()));
            }
            db.createNamedUpdate("checkin-admit").addParam("id", ticket.ticketId()).execute();
            audit.record(db, caller.email(), "CHECK_IN", ticket.showId(), Map.of(
                    "ticketId", ticket.ticketId().toString(), "orderId", ticket.orderId().toString()));
            CheckinView admitted = view(db, ticket.ticketId());
            // Not a change of availability, but of the show's sales: subscribers hear it, so an open report's
            // check-in count moves as the door admits.
            ShowVersions.bump(db, ticket.showId());
            return admitted;
        });
    }

    private static CheckinView view(DbExecute db, UUID ticketId) {
        Row row = db.createNamedGet("checkin-view").addParam("id", ticketId).execute().map(Row::of).orElseThrow();
        return new CheckinView(
                new TicketView(row.uuid("id").toString(), row.text("code"), row.number("tier_id"),
                        row.text("tier_name"), row.text("seat_label"), (int) row.number("price_cents"),
                        TicketStatus.valueOf(row.text("status"))),
                row.uuid("order_id").toString(), row.number("show_id"), row.text("title"), row.instant("starts_at"),
                row.text("customer_name"), row.instant("checked_in_at"));
    }

    private static ApiException unknown() {
        return ApiException.notFound("No valid ticket has this code.");
    }
}
