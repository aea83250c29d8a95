package dev.marquee.server.live;

import dev.marquee.model.line.LineStatus;
import dev.marquee.model.live.QueueMessage;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * The line of one watched show on this instance: when any instance says it moved, its status is read (at most one
 * read per {@link #intervalMillis}, never two at once, and always one after the last move) and one {@code queue}
 * message goes to every subscriber, whatever the number of fans in line. Nothing is sent for a line that has never
 * been engaged or held anyone; once something was, every move is sent, the one that disengages it included.
 */
final class LineFeed {

    private static final System.Logger LOG = System.getLogger(LineFeed.class.getName());
    static final long INTERVAL_MILLIS = 100;
    /** The frames a second a line's messages may take on one instance before they are spaced out. */
    static final long FRAMES_PER_SECOND = 20_000;

    private final long showId;
    private final LiveHub hub;
    private boolean dirty;
    /** The earliest move not sent yet, for the message's {@code movedAt}; null when not known. */
    private Instant movedAt;
    private boolean busy;
    /** A move not sent yet is news to send at once. */
    private boolean urgent;
    private long lastReadNanos;
    /** The last message sent, for subscribers who arrive later; null while nothing was worth sending. */
    private volatile QueueMessage last;

    LineFeed(long showId, LiveHub hub) {
        this.showId = showId;
        this.hub = hub;
    }

    /**
     * The line moved ({@code at}: when, if known): schedules a read unless one is scheduled or running. News
     * {@code atOnce} (sold out) is read without waiting out the interval: right away, or as soon as the read running
     * now is done.
     */
    synchronized void moved(Instant at, boolean atOnce) {
        movedAt = movedAt == null || (at != null && at.isBefore(movedAt)) ? at : movedAt;
        dirty = true;
        urgent |= atOnce;
        if (busy) {
            return;
        }
        busy = true;
        long sinceLast = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastReadNanos);
        long wait = urgent ? 0 : Math.max(0, intervalMillis(hub.subscribersOf(showId).size()) - sinceLast);
        hub.schedule(this::refresh, wait);
    }

    /**
     * How long a line's messages wait after the last one: 100 ms, or longer when so many watch the show that the
     * frames would pile up (every 500 ms at 10,000 watchers on one instance): ten messages a second to every fan of a
     * show watched by thousands are more frames than the cores can write beside the joins and sales of its on-sale.
     * Twice the frames a show's availability may send, as a fan in line waits on these to be let in; news that
     * cannot wait (sold out) goes at once whatever the interval.
     */
    static long intervalMillis(int watchers) {
        return LiveHub.spacing(watchers, INTERVAL_MILLIS, FRAMES_PER_SECOND);
    }

    QueueMessage last() {
        return last;
    }

    private void refresh() {
        Instant at;
        synchronized (this) {
            dirty = false;
            urgent = false;
            at = movedAt;
            movedAt = null;
            lastReadNanos = System.nanoTime();
        }
        try {
            LineStatus status = hub.readLine(showId);
            if (last != null || status.engaged() || status.waiting() > 0 || status.awaitingDraw() > 0) {
                QueueMessage message = message(status, at);
                last = message;
                hub.subscribersOf(showId).forEach(session -> session.offer(message));
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not read the line of show {0}: {1}", showId, e.getMessage());
            synchronized (this) {
                dirty = true;
                movedAt = movedAt == null ? at : movedAt;
                lastReadNanos = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
            }
        } finally {
            synchronized (this) {
                busy = false;
                if (dirty) {
                    moved(null, false);
                }
            }
        }
    }

    static QueueMessage message(LineStatus status, Instant movedAt) {
        return new QueueMessage(QueueMessage.QUEUE, status.showId(), status.nowServing(), status.waiting(),
                status.estimatedWaitSeconds(), status.soldOut(), status.engaged(), status.awaitingDraw(),
                status.admittedLastMinute(), status.onlyHeldLeft(), movedAt);
    }
}
