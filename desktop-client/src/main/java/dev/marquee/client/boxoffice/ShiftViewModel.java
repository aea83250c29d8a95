package dev.marquee.client.boxoffice;

import dev.marquee.client.common.TaskExecutor;
import dev.marquee.client.common.api.Failures;
import dev.marquee.client.common.api.ServerApi;
import dev.marquee.client.common.format.Money;
import dev.marquee.client.common.format.ShowTimes;
import dev.marquee.model.boxoffice.ShiftCloseRequest;
import dev.marquee.model.boxoffice.ShiftOpenRequest;
import dev.marquee.model.boxoffice.ShiftReport;
import dev.marquee.model.error.ErrorCode;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The clerk's cash drawer: whether a shift is open (cash needs one), its running figures, and opening one. */
public final class ShiftViewModel {

    private final ReadOnlyBooleanWrapper open = new ReadOnlyBooleanWrapper(this, "open");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final StringProperty openingFloat = new SimpleStringProperty(this, "openingFloat", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper(this, "errorMessage", "");
    private final StringProperty countedCash = new SimpleStringProperty(this, "countedCash", "");
    private final ReadOnlyObjectWrapper<ShiftReport> zReport = new ReadOnlyObjectWrapper<>(this, "zReport");
    private String openShiftId;

    private final ServerApi api;
    private final TaskExecutor tasks;
    private final ShowTimes times;

    public ShiftViewModel(ServerApi api, TaskExecutor tasks, ShowTimes times) {
        this.api = api;
        this.tasks = tasks;
        this.times = times;
    }

    // Properties

    public ReadOnlyBooleanProperty openProperty() {
        return open.getReadOnlyProperty();
    }

    /** One line about the drawer: its figures while open, what to do when none is. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** The cash put in the drawer at the start, as typed. */
    public StringProperty openingFloatProperty() {
        return openingFloat;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorMessageProperty() {
        return errorMessage.getReadOnlyProperty();
    }

    /** The cash counted in the drawer at closing, as typed. */
    public StringProperty countedCashProperty() {
        return countedCash;
    }

    /** The last closed shift's Z-report, until another shift opens. */
    public ReadOnlyObjectProperty<ShiftReport> zReportProperty() {
        return zReport.getReadOnlyProperty();
    }

    // Commands

    /** Closes the drawer with the counted cash; the server works out the variance for the Z-report. */
    public void closeDrawer() {
        if (busy.get() || !open.get() || openShiftId == null) {
            errorMessage.set(open.get() ? "" : "No cash drawer is open.");
            return;
        }
        Optional<Long> cents = Money.parse(countedCash.get());
        if (cents.isEmpty()) {
            errorMessage.set("Type the cash counted in the drawer, for example 250 or 248.50.");
            return;
        }
        String shiftId = openShiftId;
        busy.set(true);
        errorMessage.set("");
        tasks.run(() -> api.closeShift(shiftId, new ShiftCloseRequest(cents.get())), closed -> {
            busy.set(false);
            countedCash.set("");
            zReport.set(closed);
            markClosed();
        }, failure -> {
            busy.set(false);
            errorMessage.set(Failures.describe(failure));
            refresh();
        });
    }

    public void refresh() {
        tasks.run(api::currentShift, this::show, failure -> {
            if (Failures.is(failure, ErrorCode.NOT_FOUND)) {
                markClosed();
            } else {
                errorMessage.set(Failures.describe(failure));
            }
        });
    }

    public void openDrawer() {
        if (busy.get() || open.get()) {
            return;
        }
        Optional<Long> cents = Money.parse(openingFloat.get());
        if (cents.isEmpty()) {
            errorMessage.set("Type the cash in the drawer, for example 200 or 150.50.");
            return;
        }
        busy.set(true);
        errorMessage.set("");
        tasks.run(() -> api.openShift(new ShiftOpenRequest(cents.get())), opened -> {
            busy.set(false);
            openingFloat.set("");
            refresh();
        }, failure -> {
            busy.set(false);
            errorMessage.set(Failures.describe(failure));
            // "Already open" means another window opened it: show that shift.
            refresh();
        });
    }

    private void markClosed() {
        openShiftId = null;
        open.set(false);
        summary.set("No cash drawer open: card sales only until you open one.");
    }

    private void show(ShiftReport shift) {
        openShiftId = shift.id();
        zReport.set(null);
        open.set(true);
        errorMessage.set("");
        summary.set("Drawer open since " + times.timeOfDay(shift.openedAt())
                + " · float " + Money.format(shift.openingFloatCents())
                + " · cash sales " + Money.format(shift.cashSalesCents())
                + " · expected in drawer " + Money.format(shift.expectedCashCents())
                + " · " + shift.ticketsSold() + (shift.ticketsSold() == 1 ? " ticket" : " tickets") + " sold");
    }
}
