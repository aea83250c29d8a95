package dev.marquee.server.boxoffice;

import dev.marquee.model.boxoffice.ShiftReport;
import dev.marquee.server.db.Row;
import io.helidon.dbclient.DbExecute;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A shift's row and its drawer figures, through the named statements {@code shift-*}. While a shift is open its
 * figures are summed from the orders and refunds that carry its id; at close they are frozen on the row and read
 * from there ever after.
 */
final class ShiftLedger {

    /** What a shift took: sales by method (order totals), refunds by method, and tickets each way. */
    record Figures(long cashSalesCents, long cardSalesCents, long cashRefundsCents, long cardRefundsCents,
                   int ticketsSold, int ticketsRefunded) {
    }

    /** A shift row; {@code closing} is null while the shift is open. */
    record Shift(UUID id, UUID staffId, Instant openedAt, Instant closedAt, long openingFloatCents, Long countedCashCents,
                 Figures closing) {
    }

    private ShiftLedger() {
    }

    /** Opens a shift unless the staff member has one open (then empty: the partial unique index decided). */
    static Optional<Instant> open(DbExecute db, UUID shiftId, UUID staffId, long openingFloatCents) {
        return db.createNamedGet("shift-open").addParam("id", shiftId).addParam("staffId", staffId)
                .addParam("openingFloat", openingFloatCents).execute().map(Row::of)
                .map(row -> row.instant("opened_at"));
    }

    /** The staff member's open shift, without locking. */
    static Optional<UUID> findOpen(DbExecute db, UUID staffId) {
        return db.createNamedGet("shift-open-of").addParam("staffId", staffId).execute().map(Row::of)
                .map(row -> row.uuid("id"));
    }

    static Optional<Shift> find(DbExecute db, UUID shiftId, boolean forUpdate) {
        return db.createNamedGet(forUpdate ? "shift-for-update" : "shift").addParam("id", shiftId).execute()
                .map(Row::of).map(ShiftLedger::shift);
    }

    /** The figures so far, summed from the orders and refunds recorded against the shift. */
    static Figures running(DbExecute db, UUID shiftId) {
        Row row = db.createNamedGet("shift-running").addParam("shiftId", shiftId).execute().map(Row::of)
                .orElseThrow();
        return new Figures(row.number("cash_sales"), row.number("card_sales"), row.number("cash_refunds"),
                row.number("card_refunds"), (int) row.number("tickets_sold"), (int) row.number("tickets_refunded"));
    }

    /** Freezes the figures on the row and answers the moment of closing. */
    static Instant close(DbExecute db, UUID shiftId, long countedCashCents, Figures figures, long expectedCashCents) {
        return db.createNamedGet("shift-close").addParam("id", shiftId).addParam("counted", countedCashCents)
                .addParam("cashSales", figures.cashSalesCents()).addParam("cardSales", figures.cardSalesCents())
                .addParam("cashRefunds", figures.cashRefundsCents())
                .addParam("cardRefunds", figures.cardRefundsCents()).addParam("expected", expectedCashCents)
                .addParam("ticketsSold", figures.ticketsSold())
                .addParam("ticketsRefunded", figures.ticketsRefunded()).execute().map(Row::of)
                .map(row -> row.instant("closed_at")).orElseThrow();
    }

    /** The shift's report: frozen figures when closed, running ones while open. */
    static ShiftReport report(DbExecute db, Shift shift) {
        Figures figures = shift.closing() != null ? shift.closing() : running(db, shift.id());
        return report(shift, shift.closedAt(), shift.countedCashCents(), figures);
    }

    static ShiftReport report(Shift shift, Instant closedAt, Long countedCashCents, Figures figures) {
        long expected = expectedCash(shift.openingFloatCents(), figures);
        return new ShiftReport(shift.id().toString(), shift.openedAt(), closedAt, shift.openingFloatCents(),
                figures.cashSalesCents(), figures.cashRefundsCents(), figures.cardSalesCents(),
                figures.cardRefundsCents(), expected, countedCashCents,
                countedCashCents == null ? null : countedCashCents - expected,
                figures.ticketsSold(), figures.ticketsRefunded());
    }

    static long expectedCash(long openingFloatCents, Figures figures) {
        return openingFloatCents + figures.cashSalesCents() - figures.cashRefundsCents();
    }

    private static Shift shift(Row row) {
        Instant closedAt = row.instant("closed_at");
        Figures closing = closedAt == null ? null : new Figures(row.number("cash_sales_cents"),
                row.number("card_sales_cents"), row.number("cash_refunds_cents"), row.number("card_refunds_cents"),
                (int) row.number("tickets_sold"), (int) row.number("tickets_refunded"));
        return new Shift(row.uuid("id"), row.uuid("staff_id"), row.instant("opened_at"), closedAt,
                row.number("opening_float_cents"), row.nullableNumber("counted_cash_cents"), closing);
    }
}
