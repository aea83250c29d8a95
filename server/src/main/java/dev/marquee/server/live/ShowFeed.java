package dev.marquee.server.live;

import dev.marquee.model.catalog.Availability;
import dev.marquee.model.catalog.SeatAvailability;
import dev.marquee.model.live.AvailabilityMessage;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The live state of one show on this server instance. Changes are coalesced: at most one database read per
 * {@link LiveHub#intervalMillis} (50 ms, longer for a show watched by thousands), never two at once, and the read
 * after the last change always happens, so the last message every subscriber gets equals the database.
 */
final class ShowFeed {

    private static final System.Logger LOG = System.getLogger(ShowFeed.class.getName());

    private final long showId;
    private final LiveHub hub;
    private final Set<LiveSession> subscribers = ConcurrentHashMap.newKeySet();
    private Map<Long, SeatAvailability> lastSeats;
    private long lastVersion = Long.MIN_VALUE;
    private Instant committedAt;
    private boolean dirty;
    private boolean busy;
    /** The next read goes out as a snapshot: a resync could not read the show when it was asked to. */
    private boolean snapshotDue;
    private long lastReadNanos;
    /** The snapshot read that subscribers who joined while the last one ran wait for; null when none wait. */
    private CompletableFuture<Availability> nextSnapshot;
    private boolean snapshotReading;

    ShowFeed(long showId, LiveHub hub) {
        this.showId = showId;
        this.hub = hub;
    }

    Set<LiveSession> subscribers() {
        return subscribers;
    }

    /** A committed change: schedules a read unless one is already scheduled or running. */
    synchronized void changed(Instant at) {
        committedAt = committedAt == null || at.isAfter(committedAt) ? at : committedAt;
        dirty = true;
        scheduleIfIdle();
    }

    /** Sends every subscriber a fresh snapshot (after the listener lost and regained the database). */
    void resync() {
        Availability now = hub.read(showId);
        AvailabilityMessage snapshot = Messages.snapshot(now);
        synchronized (this) {
            remember(now);
        }
        AvailabilityMessage forFans = Messages.forFans(snapshot);
        subscribers.forEach(session -> session.offer(snapshot, forFans));
    }

    /**
     * A resync that could not read the show (the pool's connections are still reconnecting after a database
     * restart): the next read, retried like any failed read, goes out as the snapshot instead.
     */
    synchronized void resyncLater() {
        snapshotDue = true;
        changed(Instant.now());
    }

    /**
     * The snapshot for a subscriber that has just joined. It is read after the subscriber joined, so every change
     * committed later reaches it as a message, and it is shared by all who join while the read before it runs:
     * when thousands open a show at once (an on-sale), they cost a few reads, one after another on one pooled
     * connection, instead of one each on the pool the bookings use.
     */
    synchronized CompletableFuture<Availability> snapshotForNewSubscriber() {
        if (nextSnapshot == null) {
            nextSnapshot = new CompletableFuture<>();
        }
        CompletableFuture<Availability> snapshot = nextSnapshot;
        if (!snapshotReading) {
            readSnapshot();
        }
        return snapshot;
    }

    /** Starts the read the waiting subscribers share; the lock is held. */
    private void readSnapshot() {
        CompletableFuture<Availability> snapshot = nextSnapshot;
        nextSnapshot = null;
        snapshotReading = true;
        try {
            hub.readInBackground(() -> {
                try {
                    snapshot.complete(hub.read(showId));
                } catch (RuntimeException | Error e) {
                    // Whatever ends the read, nobody waiting for it may wait for ever.
                    snapshot.completeExceptionally(e);
                    if (e instanceof Error error) {
                        throw error;
                    }
                } finally {
                    synchronized (this) {
                        snapshotReading = false;
                        if (nextSnapshot != null) {
                            readSnapshot();
                        }
                    }
                }
            });
        } catch (RuntimeException notStarted) {
            // The hub is stopping: those waiting hear so rather than wait for ever.
            snapshotReading = false;
            snapshot.completeExceptionally(notStarted);
        }
    }

    /** A snapshot just read for a new subscriber also serves as the feed's starting point. */
    synchronized void baseline(Availability now) {
        remember(now);
    }

    private void scheduleIfIdle() {
        if (busy || !dirty) {
            return;
        }
        busy = true;
        long sinceLast = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastReadNanos);
        hub.schedule(this::refresh, Math.max(0, LiveHub.intervalMillis(subscribers.size()) - sinceLast));
    }

    private void refresh() {
        Instant at;
        boolean asSnapshot;
        synchronized (this) {
            asSnapshot = snapshotDue;
            dirty = false;
            at = committedAt;
            committedAt = null;
            lastReadNanos = System.nanoTime();
        }
        try {
            Availability now = hub.read(showId);
            AvailabilityMessage message;
            synchronized (this) {
                if (asSnapshot) {
                    message = Messages.snapshot(now);
                    snapshotDue = false;
                } else {
                    message = now.version() > lastVersion ? Messages.change(now, lastSeats, at) : null;
                }
                remember(now);
            }
            if (message != null) {
                AvailabilityMessage forFans = Messages.forFans(message);
                subscribers.forEach(session -> session.offer(message, forFans));
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not read show {0} for live updates: {1}", showId,
                    e.getMessage());
            synchronized (this) {
                dirty = true;
                committedAt = at;
                // Wait about a second before the next try rather than hammering a database that is away.
                lastReadNanos = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
            }
        } finally {
            synchronized (this) {
                busy = false;
                scheduleIfIdle();
            }
        }
    }

    private void remember(Availability now) {
        if (now.version() >= lastVersion) {
            lastSeats = Messages.seatsById(now);
            lastVersion = now.version();
        }
    }
}
