package dev.marquee.client.boxoffice;

import dev.marquee.client.common.TaskExecutor;
import dev.marquee.client.common.api.ApiException;
import dev.marquee.client.common.api.Failures;
import dev.marquee.client.common.api.ServerApi;
import dev.marquee.client.common.format.ShowTimes;
import dev.marquee.model.boxoffice.CheckinRequest;
import dev.marquee.model.boxoffice.CheckinView;
import dev.marquee.model.error.ErrorCode;
import java.time.Instant;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The door: a scanner types a ticket code and Enter; the answer is one of three verdicts, big enough to read
 * from a step away. The field empties after each scan so the next ticket can be scanned at once.
 */
public final class CheckInViewModel {

    /** What the door person needs to know about the last scan. */
    public enum Verdict { NONE, VALID, ALREADY_CHECKED_IN, INVALID, PROBLEM }

    private final StringProperty code = new SimpleStringProperty(this, "code", "");
    private final ReadOnlyObjectWrapper<Verdict> verdict = new ReadOnlyObjectWrapper<>(this, "verdict", Verdict.NONE);
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper(this, "headline", "Scan a ticket");
    private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper(this, "detail", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");

    private final ServerApi api;
    private final TaskExecutor tasks;
    private final ShowTimes times;

    public CheckInViewModel(ServerApi api, TaskExecutor tasks, ShowTimes times) {
        this.api = api;
        this.tasks = tasks;
        this.times = times;
    }

    // Properties

    /** The code as typed or scanned. */
    public StringProperty codeProperty() {
        return code;
    }

    public ReadOnlyObjectProperty<Verdict> verdictProperty() {
        return verdict.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty headlineProperty() {
        return headline.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty detailProperty() {
        return detail.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    // Commands

    public void checkIn() {
        String scanned = code.get() == null ? "" : code.get().strip();
        if (scanned.isEmpty() || busy.get()) {
            return;
        }
        busy.set(true);
        code.set("");
        tasks.run(() -> api.checkIn(new CheckinRequest(scanned)), this::admitted, failure -> refused(scanned, failure));
    }

    private void admitted(CheckinView entry) {
        busy.set(false);
        String seat = entry.ticket().seatLabel() == null ? "" : ", seat " + entry.ticket().seatLabel();
        show(Verdict.VALID, "Valid: welcome in",
                entry.ticket().tierName() + seat + " · " + entry.eventTitle() + ", " + times.format(entry.startsAt())
                        + (entry.customerName() == null ? "" : " · " + entry.customerName()));
    }

    private void refused(String scanned, Exception failure) {
        busy.set(false);
        if (Failures.is(failure, ErrorCode.ALREADY_CHECKED_IN)) {
            Object at = ((ApiException) failure).body().details() == null ? null
                    : ((ApiException) failure).body().details().get("checkedInAt");
            show(Verdict.ALREADY_CHECKED_IN, "Already checked in",
                    at == null ? "This ticket was scanned before." : "This ticket was scanned at " + when(at) + ".");
        } else if (Failures.is(failure, ErrorCode.NOT_FOUND)) {
            show(Verdict.INVALID, "Invalid ticket",
                    "No live ticket has the code " + scanned + ": it is unknown or was refunded.");
        } else {
            show(Verdict.PROBLEM, "Not checked", Failures.describe(failure) + " Scan the ticket again.");
        }
    }

    private String when(Object at) {
        try {
            return times.format(Instant.parse(at.toString()));
        } catch (RuntimeException unreadable) {
            return at.toString();
        }
    }

    private void show(Verdict now, String title, String line) {
        verdict.set(now);
        headline.set(title);
        detail.set(line);
    }
}
