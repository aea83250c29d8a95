package dev.marquee.server.onsale;

import dev.marquee.model.catalog.WaitingRoom;
import java.time.Instant;

/**
 * A show's line as read from its row, with the show's settings and the database's clock at that moment. The
 * counters are the working copy a join, a leave or a round moves while it holds the row's lock, then
 * {@linkplain Lines#save saves}.
 */
final class Line {

    final long showId;
    final WaitingRoom waitingRoom;
    boolean onSale;
    final Instant onSaleAt;
    /** The database's {@code now()}: the one clock every instance judges times by. */
    final Instant now;

    /** The {@code onSaleAt} this line last opened the show for. */
    Instant openedFor;
    boolean autoEngaged;
    long nextNumber;
    long nowServing;
    long waiting;
    long awaitingDraw;
    double admitRate;
    long admittedLastMinute;
    boolean soldOut;
    Instant idleSince;
    Instant lastRoundAt;

    Line(long showId, WaitingRoom waitingRoom, boolean onSale, Instant onSaleAt, Instant now) {
        this.showId = showId;
        this.waitingRoom = waitingRoom;
        this.onSale = onSale;
        this.onSaleAt = onSaleAt;
        this.now = now;
    }

    /** Whether a fan must wait for an admission before holding. */
    boolean engaged() {
        return switch (waitingRoom) {
            case ON -> true;
            case OFF -> false;
            case AUTO -> autoEngaged;
        };
    }

    /** A scheduled opening that has not happened yet (its moment may have just passed). */
    boolean beforeOpening() {
        return !onSale && onSaleAt != null && !onSaleAt.equals(openedFor);
    }

    /** The scheduled opening is due: the next round opens the show and draws the places taken before it. */
    boolean openingDue() {
        return beforeOpening() && !onSaleAt.isAfter(now);
    }

    /** Takes the next number in line. */
    long takeNumber() {
        return nextNumber++;
    }

    /**
     * Fans admitted a second lately: the last minute's admissions, or the pace the line is set to if higher (a
     * line that has just started admits faster than its last minute says); 0 when it has neither.
     */
    double admittedPerSecond() {
        return Math.max(admittedLastMinute / 60.0, admitRate);
    }

    /** About how long until {@code ahead} more fans are admitted; null while the line has no pace to go by. */
    Long estimatedWaitSeconds(long ahead) {
        if (ahead <= 0) {
            return 0L;
        }
        double perSecond = admittedPerSecond();
        return perSecond > 0 ? (long) Math.ceil(ahead / perSecond) : null;
    }
}
