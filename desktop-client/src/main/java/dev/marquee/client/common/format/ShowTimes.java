package dev.marquee.client.common.format;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Show times in the user's zone, with "Today" spelled out because that is what the counter sells first. */
public final class ShowTimes {

    private final Clock clock;
    private final DateTimeFormatter dateAndTime;
    private final DateTimeFormatter timeOnly;

    public ShowTimes(Clock clock, Locale locale) {
        this.clock = clock;
        this.dateAndTime = DateTimeFormatter.ofPattern("EEE d MMM uuuu, HH:mm", locale);
        this.timeOnly = DateTimeFormatter.ofPattern("HH:mm", locale);
    }

    public ZoneId zone() {
        return clock.getZone();
    }

    public Instant now() {
        return clock.instant();
    }

    public boolean isToday(Instant instant) {
        return local(instant).toLocalDate().equals(today());
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public String format(Instant instant) {
        ZonedDateTime local = local(instant);
        return isToday(instant) ? "Today, " + timeOnly.format(local) : dateAndTime.format(local);
    }

    public String timeOfDay(Instant instant) {
        return timeOnly.format(local(instant));
    }

    private ZonedDateTime local(Instant instant) {
        return instant.atZone(clock.getZone());
    }
}
