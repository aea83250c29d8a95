package dev.marquee.client.admin.vouchers;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * When a new voucher may be used: from and until, each a date and a time in the user's zone, the way the rest of
 * the client shows times. Either end may be left empty (no start, no end); a date needs its time, so the admin
 * never guesses which minute of the day an end falls on.
 */
public final class VoucherWindow {

    private final ObjectProperty<LocalDate> fromDate = new SimpleObjectProperty<>(this, "fromDate");
    private final StringProperty fromTime = new SimpleStringProperty(this, "fromTime", "");
    private final ObjectProperty<LocalDate> untilDate = new SimpleObjectProperty<>(this, "untilDate");
    private final StringProperty untilTime = new SimpleStringProperty(this, "untilTime", "");
    private final ZoneId zone;

    public VoucherWindow(ZoneId zone) {
        this.zone = zone;
    }

    public ObjectProperty<LocalDate> fromDateProperty() {
        return fromDate;
    }

    /** HH:mm as typed. */
    public StringProperty fromTimeProperty() {
        return fromTime;
    }

    public ObjectProperty<LocalDate> untilDateProperty() {
        return untilDate;
    }

    /** HH:mm as typed; the voucher is refused from this minute on. */
    public StringProperty untilTimeProperty() {
        return untilTime;
    }

    /** The zone the dates and times are read in: the user's. */
    public String zoneName() {
        return zone.getId();
    }

    /** What keeps the window from being sent, in a sentence; empty when nothing does. */
    Optional<String> problem() {
        Optional<String> end = problem(fromDate.get(), fromTime.get(), "starts", "09:00")
                .or(() -> problem(untilDate.get(), untilTime.get(), "ends", "23:30"));
        if (end.isPresent()) {
            return end;
        }
        Instant from = from();
        Instant until = until();
        return from != null && until != null && !from.isBefore(until)
                ? Optional.of("The voucher must end after it starts: 'until' is not after 'from'.") : Optional.empty();
    }

    /** The start; null for none. Only once {@link #problem()} is empty. */
    Instant from() {
        return instant(fromDate.get(), fromTime.get());
    }

    /** The end; null for none. Only once {@link #problem()} is empty. */
    Instant until() {
        return instant(untilDate.get(), untilTime.get());
    }

    void clear() {
        fromDate.set(null);
        fromTime.set("");
        untilDate.set(null);
        untilTime.set("");
    }

    private static Optional<String> problem(LocalDate date, String time, String verb, String example) {
        String typed = time == null ? "" : time.strip();
        if (date == null) {
            return typed.isEmpty() ? Optional.empty() : Optional.of("Choose the date the voucher " + verb
                    + ", or clear its time.");
        }
        if (typed.isEmpty()) {
            return Optional.of("Type the time the voucher " + verb + ", for example " + example + ".");
        }
        return localTime(typed).isEmpty() ? Optional.of("Type the time the voucher " + verb
                + " as HH:mm, for example " + example + ".") : Optional.empty();
    }

    /** A time that a clock change skips moves on by the gap, as a show's start does. */
    private Instant instant(LocalDate date, String time) {
        Optional<LocalTime> at = localTime(time == null ? "" : time.strip());
        return date == null || at.isEmpty() ? null : ZonedDateTime.of(date, at.get(), zone).toInstant();
    }

    private static Optional<LocalTime> localTime(String typed) {
        if (!typed.matches("[0-9]{1,2}:[0-9]{2}")) {
            return Optional.empty();
        }
        int colon = typed.indexOf(':');
        int hours = Integer.parseInt(typed.substring(0, colon));
        int minutes = Integer.parseInt(typed.substring(colon + 1));
        return hours < 24 && minutes < 60 ? Optional.of(LocalTime.of(hours, minutes)) : Optional.empty();
    }
}
