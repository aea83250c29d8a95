package dev.marquee.client.common.printing;

import dev.marquee.client.common.format.Money;
import dev.marquee.client.common.format.ShowTimes;
import dev.marquee.model.boxoffice.ShiftReport;
import java.util.List;

/** A closed shift worded as the Z-report the clerk reads and prints: one "label, figure" row per line. */
public record ZReport(List<Row> rows) {

    public record Row(String label, String figure) {
    }

    public static ZReport of(ShiftReport shift, ShowTimes times) {
        long variance = shift.varianceCents() == null ? 0 : shift.varianceCents();
        return new ZReport(List.of(
                new Row("Opened", times.format(shift.openedAt())),
                new Row("Closed", shift.closedAt() == null ? "still open" : times.format(shift.closedAt())),
                new Row("Opening float", Money.format(shift.openingFloatCents())),
                new Row("Cash sales", Money.format(shift.cashSalesCents())),
                new Row("Cash refunds", "-" + Money.format(shift.cashRefundsCents())),
                new Row("Card sales", Money.format(shift.cardSalesCents())),
                new Row("Card refunds", "-" + Money.format(shift.cardRefundsCents())),
                new Row("Expected cash", Money.format(shift.expectedCashCents())),
                new Row("Counted cash", shift.countedCashCents() == null ? "-" : Money.format(shift.countedCashCents())),
                new Row("Variance", (variance > 0 ? "+" : variance < 0 ? "-" : "") + Money.format(Math.abs(variance))
                        + (variance > 0 ? " over" : variance < 0 ? " short" : " (balanced)")),
                new Row("Tickets sold", Integer.toString(shift.ticketsSold())),
                new Row("Tickets refunded", Integer.toString(shift.ticketsRefunded()))));
    }
}
