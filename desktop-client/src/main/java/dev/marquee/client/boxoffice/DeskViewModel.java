package dev.marquee.client.boxoffice;

import dev.marquee.client.common.TaskExecutor;
import dev.marquee.client.common.api.RetrySafeRequest;
import dev.marquee.client.common.api.ServerApi;
import dev.marquee.client.common.format.ShowTimes;
import dev.marquee.client.common.printing.ZReport;
import dev.marquee.model.booking.RefundRequest;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;

/**
 * The desk beside the sale: the door's check-in, refunds, and closing the drawer. It shares the drawer with the
 * sale screen, so a refund or a closing shows there at once.
 */
public final class DeskViewModel {

    private final CheckInViewModel checkIn;
    private final RefundViewModel refund;
    private final ShiftViewModel shift;
    private final ObjectBinding<ZReport> zReport;

    public DeskViewModel(ServerApi api, TaskExecutor tasks, ShowTimes times, ShiftViewModel shift,
                         RetrySafeRequest<RefundRequest> refundAttempt) {
        this.shift = shift;
        this.checkIn = new CheckInViewModel(api, tasks, times);
        this.refund = new RefundViewModel(api, tasks, refundAttempt, shift::refresh);
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

    public ShiftViewModel shift() {
        return shift;
    }

    /** The Z-report of the shift just closed, worded; null until one is closed. */
    public ObjectBinding<ZReport> zReport() {
        return zReport;
    }
}
