package dev.marquee.server.boxoffice;

import dev.marquee.model.boxoffice.ShiftReport;
import dev.marquee.server.db.Tx;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A shift's row and its drawer figures. While a shift is open its figures are summed from the orders and refunds
 * that carry its id; at close they are frozen on the row and read from there ever after.
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

    private static final String COLUMNS = """
            id, staff_id, opened_at, closed_at, opening_float_cents, counted_cash_cents, cash_sales_cents,
            card_sales_cents, cash_refunds_cents, card_refunds_cents, tickets_sold, tickets_refunded""";

    private ShiftLedger() {
    }

    static Optional<Shift> find(Tx tx, UUID shiftId, boolean forUpdate) {
        return tx.first("SELECT " + COLUMNS + " FROM shifts WHERE id = ?" + (forUpdate ? " FOR UPDATE" : ""),
                ShiftLedger::shift, shiftId);
    }

    /** The figures so far, summed from the orders and refunds recorded against the shift. */
    static Figures running(Tx tx, UUID shiftId) {
        return tx.one("""
                SELECT s.cash_sales, s.card_sales, s.tickets_sold, r.cash_refunds + s.cash_paid_back AS cash_refunds,
                       r.card_refunds + s.card_paid_back AS card_refunds, r.tickets_refunded
                FROM (SELECT coalesce(sum(o.total_cents) FILTER (WHERE o.payment_method = 'CASH'), 0) AS cash_sales,
                             coalesce(sum(o.total_cents) FILTER (WHERE o.payment_method = 'CARD'), 0) AS card_sales,
                             -- An exchange to cheaper tickets pays the difference back: a refund of the drawer's.
                             coalesce(sum(o.refunded_cents) FILTER (WHERE o.payment_method = 'CASH'), 0)
                                 AS cash_paid_back,
                             coalesce(sum(o.refunded_cents) FILTER (WHERE o.payment_method = 'CARD'), 0)
                                 AS card_paid_back,
                             coalesce(sum((SELECT count(*) FROM tickets t WHERE t.order_id = o.id)), 0) AS tickets_sold
                      FROM orders o WHERE o.shift_id = ?) s,
                     (SELECT coalesce(sum(amount_cents) FILTER (WHERE payment_method = 'CASH'), 0) AS cash_refunds,
                             coalesce(sum(amount_cents) FILTER (WHERE payment_method = 'CARD'), 0) AS card_refunds,
                             coalesce(sum(tickets), 0) AS tickets_refunded
                      FROM refunds WHERE shift_id = ?) r""",
                row -> new Figures(row.getLong("cash_sales"), row.getLong("card_sales"), row.getLong("cash_refunds"),
                        row.getLong("card_refunds"), row.getInt("tickets_sold"), row.getInt("tickets_refunded")),
                shiftId, shiftId);
    }

    /** Freezes the figures on the row and answers the moment of closing. */
    static Instant close(Tx tx, UUID shiftId, long countedCashCents, Figures figures, long expectedCashCents) {
        return tx.one("""
                UPDATE shifts SET closed_at = greatest(clock_timestamp(), opened_at), counted_cash_cents = ?,
                    cash_sales_cents = ?, card_sales_cents = ?, cash_refunds_cents = ?, card_refunds_cents = ?,
                    expected_cash_cents = ?, tickets_sold = ?, tickets_refunded = ?
                WHERE id = ? RETURNING closed_at""", row -> Tx.instant(row, "closed_at"),
                countedCashCents, figures.cashSalesCents(), figures.cardSalesCents(), figures.cashRefundsCents(),
                figures.cardRefundsCents(), expectedCashCents, figures.ticketsSold(), figures.ticketsRefunded(),
                shiftId);
    }

    /** The shift's report: frozen figures when closed, running ones while open. */
    static ShiftReport report(Tx tx, Shift shift) {
        Figures figures = shift.closing() != null ? shift.closing() : running(tx, shift.id());
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

    private static Shift shift(ResultSet row) throws SQLException {
        Instant closedAt = Tx.instant(row, "closed_at");
        Figures closing = closedAt == null ? null : new Figures(row.getLong("cash_sales_cents"),
                row.getLong("card_sales_cents"), row.getLong("cash_refunds_cents"), row.getLong("card_refunds_cents"),
                row.getInt("tickets_sold"), row.getInt("tickets_refunded"));
        return new Shift(Tx.uuid(row, "id"), Tx.uuid(row, "staff_id"), Tx.instant(row, "opened_at"), closedAt,
                row.getLong("opening_float_cents"), Tx.nullableLong(row, "counted_cash_cents"), closing);
    }
}
