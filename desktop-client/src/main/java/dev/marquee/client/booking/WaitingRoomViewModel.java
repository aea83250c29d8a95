package dev.marquee.client.booking;

import dev.marquee.client.common.TaskExecutor;
import dev.marquee.client.common.Ticker;
import dev.marquee.client.common.api.Failures;
import dev.marquee.client.common.api.ServerApi;
import dev.marquee.client.common.format.ShowTimes;
import dev.marquee.client.common.widgets.ShowEntry;
import dev.marquee.model.line.LineStatus;
import dev.marquee.model.line.QueuePlace;
import dev.marquee.model.live.QueueMessage;
import java.time.Duration;
import java.time.Instant;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The fan's place in a show's waiting line: joined without a click when the line is engaged (or a hold is sent to
 * it), then the position, the people ahead, the estimated wait and a progress bar, all following the line's live
 * moves; before a scheduled opening, the countdown to the draw; once admitted, the time left to start booking.
 * Every method is called on the FX thread.
 */
public final class WaitingRoomViewModel {

    /** Where the fan stands, as the screen shows it. */
    public enum Stage {
        /** No line stands between the fan and the booking form. */
        NONE,
        JOINING,
        AWAITING_DRAW,
        WAITING,
        ADMITTED,
        SOLD_OUT,
        EXPIRED,
        LEFT
    }

    /** How often the place is read again while waiting, in case a live message was missed. */
    static final Duration RECHECK = Duration.ofSeconds(5);

    private final ReadOnlyObjectWrapper<Stage> stage = new ReadOnlyObjectWrapper<>(this, "stage", Stage.NONE);
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper(this, "headline", "");
    private final ReadOnlyStringWrapper position = new ReadOnlyStringWrapper(this, "position", "");
    private final ReadOnlyStringWrapper wait = new ReadOnlyStringWrapper(this, "wait", "");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper countdown = new ReadOnlyStringWrapper(this, "countdown", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final ReadOnlyBooleanWrapper bookingLocked = new ReadOnlyBooleanWrapper(this, "bookingLocked");

    private final ServerApi api;
    private final TaskExecutor tasks;
    private final ShowTimes times;
    private final Ticker ticker;
    private ShowEntry show;
    private QueuePlace place;
    private long nowServing;
    private Long lineWaitSeconds;
    private boolean onlyHeldLeft;
    private Instant opensAt;
    private long firstPosition;
    private Instant lastRead = Instant.MIN;
    private Ticker.Stoppable ticking;

    public WaitingRoomViewModel(ServerApi api, TaskExecutor tasks, ShowTimes times, Ticker ticker) {
        this.api = api;
        this.tasks = tasks;
        this.times = times;
        this.ticker = ticker;
    }

    // Properties

    public ReadOnlyObjectProperty<Stage> stageProperty() {
        return stage.getReadOnlyProperty();
    }

    /** "You're in line", "It's your turn!", "Sold out"... */
    public ReadOnlyStringProperty headlineProperty() {
        return headline.getReadOnlyProperty();
    }

    /** "Number 1,204 · 312 people ahead of you". */
    public ReadOnlyStringProperty positionProperty() {
        return position.getReadOnlyProperty();
    }

    /** "About 3 minutes", or a word on why there is no estimate yet. */
    public ReadOnlyStringProperty waitProperty() {
        return wait.getReadOnlyProperty();
    }

    /** How far the fan has come since joining, 0 to 1. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** Time to the draw, or left to start booking once admitted. */
    public ReadOnlyStringProperty countdownProperty() {
        return countdown.getReadOnlyProperty();
    }

    /** What the fan should know beyond the numbers (sold out, tickets in other baskets, a failure). */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Turns non-empty when something happens while the fan may be looking elsewhere (admitted, sold out). */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** True while the fan must wait for a turn before holding. */
    public ReadOnlyBooleanProperty bookingLockedProperty() {
        return bookingLocked.getReadOnlyProperty();
    }

    // Commands

    /** A show was picked: if its line is engaged, or it opens later by a draw, the fan joins at once. */
    public void open(ShowEntry entry) {
        stopTicking();
        show = entry;
        place = null;
        nowServing = 0;
        lineWaitSeconds = null;
        onlyHeldLeft = false;
        opensAt = entry == null ? null : entry.onSaleAt();
        message.set("");
        notice.set("");
        set(Stage.NONE);
        if (entry == null) {
            return;
        }
        long showId = entry.showId();
        tasks.run(() -> api.line(showId), line -> {
            if (isShown(showId)) {
                applyStatus(line);
                boolean opensLater = !entry.onSale() && line.onSaleAt() != null;
                if (line.engaged() || opensLater) {
                    join();
                }
            }
        }, failure -> { });
    }

    /** Joins the picked show's line (also what a hold sent to the line does). */
    public void join() {
        if (show == null || stage.get() == Stage.JOINING) {
            return;
        }
        long showId = show.showId();
        set(Stage.JOINING);
        message.set("");
        tasks.run(() -> api.joinLine(showId), joined -> {
            if (isShown(showId)) {
                firstPosition = 0;
                applyPlace(joined);
                startTicking();
            }
        }, this::failed);
    }

    /** Gives the place up; the booking form stays locked while the line is engaged. */
    public void leave() {
        if (show == null || place == null) {
            return;
        }
        long showId = show.showId();
        tasks.run(() -> {
            api.leaveLine(showId);
            return null;
        }, done -> {
            if (isShown(showId)) {
                stopTicking();
                set(Stage.LEFT);
            }
        }, this::failed);
    }

    /** A live move of a line: the fan's position follows from the line's {@code nowServing}. */
    public void applyLine(QueueMessage line) {
        if (show == null || line.showId() != show.showId()) {
            return;
        }
        nowServing = line.nowServing();
        lineWaitSeconds = line.estimatedWaitSeconds();
        onlyHeldLeft = line.onlyHeldLeft();
        boolean myTurnMayHaveCome = place != null && place.number() != null && place.number() <= nowServing;
        boolean drawMayHaveHappened = stage.get() == Stage.AWAITING_DRAW && line.awaitingDraw() == 0;
        boolean waiting = stage.get() == Stage.WAITING || stage.get() == Stage.AWAITING_DRAW;
        if (waiting && (line.soldOut() || myTurnMayHaveCome || drawMayHaveHappened)) {
            reread();
        } else if (stage.get() == Stage.NONE && line.engaged()) {
            join();
        }
        describe();
    }

    /** The hold was made with the admission: nothing more to wait for. */
    public void booked() {
        if (stage.get() == Stage.ADMITTED) {
            countdown.set("");
        }
    }

    // What the screen shows

    private void applyStatus(LineStatus line) {
        nowServing = line.nowServing();
        lineWaitSeconds = line.estimatedWaitSeconds();
        onlyHeldLeft = line.onlyHeldLeft();
        opensAt = line.onSaleAt();
    }

    private void applyPlace(QueuePlace fresh) {
        boolean wasWaiting = stage.get() == Stage.WAITING || stage.get() == Stage.AWAITING_DRAW
                || stage.get() == Stage.JOINING;
        place = fresh;
        lastRead = times.now();
        if (fresh.number() != null && fresh.position() != null) {
            nowServing = Math.max(nowServing, fresh.number() - fresh.position());
        }
        Stage next = switch (fresh.state()) {
            case WAITING -> fresh.number() == null ? Stage.AWAITING_DRAW : Stage.WAITING;
            case ADMITTED -> Stage.ADMITTED;
            case SOLD_OUT -> Stage.SOLD_OUT;
            case EXPIRED -> Stage.EXPIRED;
            case LEFT -> Stage.LEFT;
        };
        if (wasWaiting && next == Stage.ADMITTED && stage.get() != Stage.JOINING) {
            notice.set("It's your turn to book " + show.eventTitle() + "!");
        } else if (wasWaiting && next == Stage.SOLD_OUT) {
            notice.set(show.eventTitle() + " has sold out.");
        }
        set(next);
        if (next == Stage.SOLD_OUT || next == Stage.EXPIRED || next == Stage.LEFT) {
            stopTicking();
        }
    }

    private void set(Stage next) {
        stage.set(next);
        bookingLocked.set(next != Stage.NONE && next != Stage.ADMITTED);
        describe();
    }

    private void describe() {
        Stage now = stage.get();
        headline.set(WaitingRoomWords.headline(now));
        long ahead = now == Stage.WAITING ? Math.max(0, place.number() - nowServing - 1) : 0;
        position.set(now == Stage.WAITING ? WaitingRoomWords.position(place.number(), ahead) : "");
        // The line's estimate, for the back of the line: the message carries no figure for each place.
        wait.set(now == Stage.WAITING ? WaitingRoomWords.wait(lineWaitSeconds) : "");
        progress.set(progressNow(now));
        countdown.set(countdownText(now));
        message.set(WaitingRoomWords.message(now, onlyHeldLeft, message.get()));
    }

    private double progressNow(Stage now) {
        if (now == Stage.ADMITTED) {
            return 1;
        }
        if (now != Stage.WAITING) {
            return 0;
        }
        long current = Math.max(1, place.number() - nowServing);
        firstPosition = Math.max(firstPosition, current);
        return firstPosition <= 1 ? 0.95 : (double) (firstPosition - current) / firstPosition;
    }

    private String countdownText(Stage now) {
        if (now == Stage.AWAITING_DRAW && opensAt != null) {
            return "The draw is in " + WaitingRoomWords.clock(Duration.between(times.now(), opensAt));
        }
        if (now == Stage.ADMITTED && place.admittedUntil() != null) {
            return WaitingRoomWords.clock(Duration.between(times.now(), place.admittedUntil()))
                    + " left to start booking";
        }
        return "";
    }

    // Keeping up

    private void startTicking() {
        stopTicking();
        ticking = ticker.every(Duration.ofSeconds(1), this::tick);
    }

    private void tick() {
        Stage now = stage.get();
        boolean waiting = now == Stage.WAITING || now == Stage.AWAITING_DRAW;
        boolean drawDue = now == Stage.AWAITING_DRAW && opensAt != null && !times.now().isBefore(opensAt);
        boolean admissionOver = now == Stage.ADMITTED && place.admittedUntil() != null
                && !times.now().isBefore(place.admittedUntil());
        boolean stale = waiting && !times.now().isBefore(lastRead.plus(RECHECK));
        if (drawDue || admissionOver || stale) {
            reread();
        }
        countdown.set(countdownText(stage.get()));
    }

    private void reread() {
        if (show == null) {
            return;
        }
        long showId = show.showId();
        lastRead = times.now();
        tasks.run(() -> api.myPlace(showId), fresh -> {
            if (isShown(showId)) {
                applyPlace(fresh);
            }
        }, failure -> { });
    }

    private void failed(Exception failure) {
        if (stage.get() == Stage.JOINING) {
            set(place == null ? Stage.NONE : stage.get());
        }
        message.set(Failures.describe(failure));
    }

    private boolean isShown(long showId) {
        return show != null && show.showId() == showId;
    }

    private void stopTicking() {
        if (ticking != null) {
            ticking.stop();
            ticking = null;
        }
    }
}
