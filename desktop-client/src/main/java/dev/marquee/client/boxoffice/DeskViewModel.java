package dev.marquee.client.boxoffice;

import dev.marquee.client.common.TaskExecutor;
import dev.marquee.client.common.api.RetrySafeRequest;
import dev.marquee.client.common.api.ServerApi;
import dev.marquee.client.common.format.ShowTimes;
import dev.marquee.client.common.printing.ZReport;
import dev.marquee.model.booking.ExchangeRequest;
import dev.marquee.model.booking.OrderView;
import dev.marquee.model.booking.RefundRequest;
import dev.marquee.model.booking.TicketView;
import dev.marquee.model.catalog.Availability;
import dev.marquee.model.live.QueueMessage;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.ReadOnlyObjectProperty;

/**
 * The desk beside the sale: the door's check-in, refunds and exchanges, and closing the drawer. It shares the drawer
 * with the sale screen, so a refund, an exchange or a closing shows there at once.
 */
public final class DeskViewModel {

    private final CheckInViewModel checkIn;
    private final RefundViewModel refund;
    private final ExchangeViewModel exchange;
    private final ShiftViewModel shift;
    private final ObjectBinding<ZReport> zReport;

    public DeskViewModel(ServerApi api, TaskExecutor tasks, ShowTimes times, ShiftViewModel shift,
                         RetrySafeRequest<RefundRequest> refundAttempt,
                         RetrySafeRequest<ExchangeRequest> exchangeAttempt) {
        this.shift = shift;
        this.checkIn = new CheckInViewModel(api, tasks, times);
        this.refund = new RefundViewModel(api, tasks, refundAttempt, shift::refresh);
        this.exchange = new ExchangeViewModel(api, tasks, times, exchangeAttempt, this::exchanged, shift::refresh);
        this.zReport = Bindings.createObjectBinding(() -> shift.zReportProperty().get() == null ? null
                : ZReport.of(shift.zReportProperty().get(), times), shift.zReportProperty());
    }

    // Properties

    public CheckInViewModel checkIn() {
        return checkIn;
    }

    public RefundViewModel refund() {
        return refund;
    }

    public ExchangeViewModel exchange() {
        return exchange;
    }

    public ShiftViewModel shift() {
        return shift;
    }

    /** The Z-report of the shift just closed, worded; null until one is closed. */
    public ObjectBinding<ZReport> zReport() {
        return zReport;
    }

    /** The shows the exchange lists, for the live connection to follow. */
    public ReadOnlyObjectProperty<List<Long>> watchedShowIdsProperty() {
        return exchange.shows().showIdsProperty();
    }

    // Commands

    /** Opens the exchange of the tickets ticked in the order found; the refund's message says why when it cannot. */
    public void startExchange() {
        List<TicketView> chosen = refund.chosenForExchange();
        if (!chosen.isEmpty()) {
            exchange.start(refund.orderProperty().get(), chosen);
        }
    }

    /** The live hook: the exchange's show list and its new show follow every availability push. */
    public void applyAvailability(Availability availability) {
        exchange.applyAvailability(availability);
    }

    public void applyLine(QueueMessage line) {
        exchange.shows().applyLine(line);
    }

    private void exchanged(OrderView made) {
        int count = made.tickets().size();
        refund.reload("Exchanged for " + count + (count == 1 ? " ticket" : " tickets") + " of " + made.eventTitle()
                + ": order " + made.id() + ".");
    }
}
