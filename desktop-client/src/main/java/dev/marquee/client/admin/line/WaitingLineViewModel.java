package dev.marquee.client.admin.line;

import dev.marquee.client.admin.shows.ShowRow;
import dev.marquee.client.admin.shows.ShowTool;
import dev.marquee.client.common.TaskExecutor;
import dev.marquee.client.common.api.Failures;
import dev.marquee.client.common.api.ServerApi;
import dev.marquee.client.common.format.ShowTimes;
import dev.marquee.model.catalog.ShowDetail;
import dev.marquee.model.catalog.WaitingRoom;
import dev.marquee.model.line.LineStatus;
import dev.marquee.model.live.QueueMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The picked show's on-sale: its waiting room setting, when it goes on sale by itself, how many tickets one account
 * may have; and its line live (waiting, admitted a minute, the estimated wait, sold out) with a chart of the line's
 * length since the pane opened the show. Called on the FX thread.
 */
public final class WaitingLineViewModel implements ShowTool {

    /** At most one chart point a second, however often the line moves. */
    private static final Duration SAMPLE_EVERY = Duration.ofSeconds(1);
    private static final int MAX_POINTS = 3600;

    /** One point of the chart: fans waiting, so many minutes after the show was picked. */
    public record Point(double minutes, long waiting) {
    }

    private final ObjectProperty<WaitingRoom> waitingRoom = new SimpleObjectProperty<>(this, "waitingRoom",
            WaitingRoom.AUTO);
    private final ObjectProperty<LocalDate> opensOn = new SimpleObjectProperty<>(this, "opensOn");
    private final StringProperty opensAt = new SimpleStringProperty(this, "opensAt", "");
    private final StringProperty limit = new SimpleStringProperty(this, "limit", "");
    private final ReadOnlyStringWrapper heading = new ReadOnlyStringWrapper(this, "heading", "");
    private final ReadOnlyStringWrapper waiting = new ReadOnlyStringWrapper(this, "waiting", "–");
    private final ReadOnlyStringWrapper admittedPerMinute = new ReadOnlyStringWrapper(this, "admittedPerMinute", "–");
    private final ReadOnlyStringWrapper estimatedWait = new ReadOnlyStringWrapper(this, "estimatedWait", "–");
    private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper(this, "state", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper hasShow = new ReadOnlyBooleanWrapper(this, "hasShow");
    private final ObservableList<Point> lineLength = FXCollections.observableArrayList();

    private final ServerApi api;
    private final TaskExecutor tasks;
    private final ShowTimes times;
    private ShowRow show;
    private Instant chartStart;
    private Instant lastSample = Instant.MIN;

    public WaitingLineViewModel(ServerApi api, TaskExecutor tasks, ShowTimes times) {
        this.api = api;
        this.tasks = tasks;
        this.times = times;
    }

    // Properties

    public ObjectProperty<WaitingRoom> waitingRoomProperty() {
        return waitingRoom;
    }

    /** The day the show goes on sale by itself; null for no scheduled opening. */
    public ObjectProperty<LocalDate> opensOnProperty() {
        return opensOn;
    }

    /** The time of day it does, "HH:mm" in the pane's time zone. */
    public StringProperty opensAtProperty() {
        return opensAt;
    }

    /** Tickets one account may have; empty for no limit. */
    public StringProperty limitProperty() {
        return limit;
    }

    public ReadOnlyStringProperty headingProperty() {
        return heading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty waitingProperty() {
        return waiting.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty admittedPerMinuteProperty() {
        return admittedPerMinute.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty estimatedWaitProperty() {
        return estimatedWait.getReadOnlyProperty();
    }

    /** "Line engaged", "Sold out", "42 await the draw"... */
    public ReadOnlyStringProperty stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasShowProperty() {
        return hasShow.getReadOnlyProperty();
    }

    /** Fans waiting against minutes since the show was picked. */
    public ObservableList<Point> lineLength() {
        return lineLength;
    }

    // Commands

    @Override
    public void showPicked(ShowRow picked) {
        show = picked;
        hasShow.set(picked != null);
        lineLength.clear();
        chartStart = times.now();
        lastSample = Instant.MIN;
        message.set("");
        heading.set(picked == null ? "" : picked.eventTitle() + " · " + picked.startsAt());
        if (picked == null) {
            return;
        }
        long showId = picked.showId();
        tasks.run(() -> api.show(showId), detail -> {
            if (isPicked(showId)) {
                applySettings(detail);
            }
        }, failure -> message.set(Failures.describe(failure)));
        refreshLine();
    }

    @Override
    public void applyLine(QueueMessage line) {
        if (show != null && line.showId() == show.showId()) {
            figures(line.waiting(), line.admittedLastMinute(), line.estimatedWaitSeconds(), line.soldOut(),
                    line.onlyHeldLeft(), line.engaged(), line.awaitingDraw());
        }
    }

    /** Reads the line again (the panel also follows its live moves). */
    public void refreshLine() {
        if (show == null) {
            return;
        }
        long showId = show.showId();
        tasks.run(() -> api.line(showId), line -> {
            if (isPicked(showId)) {
                apply(line);
            }
        }, failure -> { });
    }

    /** Saves the three settings together; a problem with what was typed is said and nothing is sent. */
    public void save() {
        if (show == null || busy.get()) {
            return;
        }
        Optional<String> problem = problem();
        if (problem.isPresent()) {
            message.set(problem.get());
            return;
        }
        long showId = show.showId();
        Instant opening = opening();
        Integer perAccount = limit.get().isBlank() ? null : Integer.valueOf(limit.get().strip());
        busy.set(true);
        tasks.run(() -> api.admin().changeSaleSettings(showId, waitingRoom.get(), opening, perAccount), detail -> {
            busy.set(false);
            applySettings(detail);
            message.set("Saved.");
            refreshLine();
        }, failure -> {
            busy.set(false);
            message.set(Failures.describe(failure));
        });
    }

    /** What is wrong with the typed settings, if anything. */
    Optional<String> problem() {
        String time = opensAt.get() == null ? "" : opensAt.get().strip();
        if (opensOn.get() == null && !time.isEmpty()) {
            return Optional.of("Pick the day the show goes on sale, or clear the time.");
        }
        if (opensOn.get() != null) {
            try {
                LocalTime.parse(time.isEmpty() ? "x" : time);
            } catch (DateTimeParseException e) {
                return Optional.of("Type the on-sale time as hours and minutes, such as 10:00.");
            }
        }
        String typed = limit.get() == null ? "" : limit.get().strip();
        if (!typed.isEmpty()) {
            try {
                int perAccount = Integer.parseInt(typed);
                if (perAccount < 1 || perAccount > 1000) {
                    return Optional.of("Tickets per account must be 1 to 1000, or empty for no limit.");
                }
            } catch (NumberFormatException e) {
                return Optional.of("Tickets per account must be a whole number, or empty for no limit.");
            }
        }
        return Optional.empty();
    }

    private Instant opening() {
        if (opensOn.get() == null) {
            return null;
        }
        return opensOn.get().atTime(LocalTime.parse(opensAt.get().strip())).atZone(times.zone()).toInstant();
    }

    private void applySettings(ShowDetail detail) {
        waitingRoom.set(detail.waitingRoom());
        if (detail.onSaleAt() == null) {
            opensOn.set(null);
            opensAt.set("");
        } else {
            var local = detail.onSaleAt().atZone(times.zone());
            opensOn.set(local.toLocalDate());
            opensAt.set(String.format("%02d:%02d", local.getHour(), local.getMinute()));
        }
        limit.set(detail.maxTicketsPerAccount() == null ? "" : detail.maxTicketsPerAccount().toString());
    }

    private void apply(LineStatus line) {
        figures(line.waiting(), line.admittedLastMinute(), line.estimatedWaitSeconds(), line.soldOut(),
                line.onlyHeldLeft(), line.engaged(), line.awaitingDraw());
    }

    private void figures(long inLine, long admittedLastMinute, Long waitSeconds, boolean soldOut,
                         boolean onlyHeldLeft, boolean engaged, long awaitingDraw) {
        waiting.set(String.format("%,d", inLine));
        admittedPerMinute.set(String.format("%,d", admittedLastMinute));
        estimatedWait.set(waitSeconds == null ? "–" : waitSeconds < 60 ? "< 1 min" : (waitSeconds + 59) / 60 + " min");
        state.set(soldOut ? "Sold out: everyone waiting was told"
                : onlyHeldLeft ? "Only tickets in fans' baskets are left; the line waits for them"
                : awaitingDraw > 0 ? String.format("%,d await the draw at the opening", awaitingDraw)
                : engaged ? "Line engaged: fans book in turn" : "Line not engaged: fans book directly");
        sample(inLine);
    }

    private void sample(long inLine) {
        Instant now = times.now();
        if (now.isBefore(lastSample.plus(SAMPLE_EVERY))) {
            return;
        }
        lastSample = now;
        double minutes = Duration.between(chartStart, now).toMillis() / 60_000.0;
        lineLength.add(new Point(minutes, inLine));
        if (lineLength.size() > MAX_POINTS) {
            lineLength.removeFirst();
        }
    }

    private boolean isPicked(long showId) {
        return show != null && show.showId() == showId;
    }
}
