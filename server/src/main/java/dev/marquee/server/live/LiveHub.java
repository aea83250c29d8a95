package dev.marquee.server.live;

import dev.marquee.model.catalog.Availability;
import dev.marquee.model.error.ErrorCode;
import dev.marquee.model.line.LineStatus;
import dev.marquee.model.live.AvailabilityMessage;
import dev.marquee.server.catalog.CatalogService;
import dev.marquee.server.error.ApiException;
import dev.marquee.server.platform.BackgroundWork;
import dev.marquee.server.platform.Futures;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;

/**
 * This server instance's live availability: which sessions watch which shows, and one {@link ShowFeed} per
 * watched show. Changes arrive from the database (see {@link InventoryListener}), never from this instance's own
 * requests, so a change made through any instance reaches the clients of every instance.
 */
public final class LiveHub implements BackgroundWork {

    /** At most one message per show per client every 50 ms: about 20 a second. */
    static final long MIN_INTERVAL_MILLIS = 50;
    /**
     * Frames a second one show's messages may cost this instance: with more watchers than 20 a second fits in
     * (500), each watcher gets fewer messages, each folding in more changes. A frame costs tens of microseconds of
     * CPU on the cores that also book; 10,000 watchers at 20 a second would take more than the machine has.
     */
    static final long FRAMES_PER_SECOND_PER_SHOW = 10_000;
    static final int MAX_SHOWS_PER_SESSION = 100;

    private final LongFunction<Availability> reader;
    private final LongFunction<LineStatus> lineReader;
    private final Map<Long, ShowFeed> feeds = new ConcurrentHashMap<>();
    private final Map<Long, LineFeed> lineFeeds = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("live-timer").daemon().factory());
    private final ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor();
    private final PushWriters writers = new PushWriters(timer);
    private final UnknownShows unknownShows = new UnknownShows(System::nanoTime);
    private final Set<LiveSession> sessions = ConcurrentHashMap.newKeySet();
    private final Duration pingInterval;

    /** A hub that, once started, pings every client each {@code pingInterval} (connections idle out otherwise). */
    public LiveHub(CatalogService catalog, LongFunction<LineStatus> lineReader, Duration pingInterval) {
        this(catalog::availability, lineReader, pingInterval);
    }

    /** A hub that reads a show's availability with {@code reader} and its line with {@code lineReader}. */
    LiveHub(LongFunction<Availability> reader, LongFunction<LineStatus> lineReader) {
        this(reader, lineReader, Duration.ZERO);
    }

    private LiveHub(LongFunction<Availability> reader, LongFunction<LineStatus> lineReader, Duration pingInterval) {
        this.reader = reader;
        this.lineReader = lineReader;
        this.pingInterval = pingInterval;
    }

    /** The threads that write to this instance's clients. */
    PushWriters writers() {
        return writers;
    }

    /** Subscribes to one show and queues its snapshot; answers false when there is no such show. */
    boolean subscribe(LiveSession session, long showId) {
        if (!session.watches(showId) && session.watchedShows().size() >= MAX_SHOWS_PER_SESSION) {
            throw new IllegalArgumentException("At most " + MAX_SHOWS_PER_SESSION + " shows per connection.");
        }
        if (unknownShows.recentlyMissing(showId)) {
            return false;
        }
        session.watch(showId);
        boolean[] first = new boolean[1];
        ShowFeed feed = feeds.compute(showId, (id, existing) -> {
            first[0] = existing == null;
            ShowFeed joined = existing != null ? existing : new ShowFeed(id, this);
            joined.subscribers().add(session);
            return joined;
        });
        Availability now;
        try {
            now = Futures.join(feed.snapshotForNewSubscriber());
        } catch (ApiException e) {
            if (e.code() != ErrorCode.NOT_FOUND) {
                throw e;
            }
            unsubscribe(session, showId);
            unknownShows.missing(showId);
            return false;
        }
        feed.baseline(now);
        AvailabilityMessage snapshot = Messages.snapshot(now);
        session.offer(snapshot, Messages.forFans(snapshot));
        LineFeed line = lineFeeds.computeIfAbsent(showId, id -> new LineFeed(id, this));
        if (first[0]) {
            line.moved(null, false);
        } else if (line.last() != null) {
            session.offer(line.last());
        }
        return true;
    }

    void unsubscribe(LiveSession session, long showId) {
        session.forget(showId);
        feeds.computeIfPresent(showId, (id, feed) -> {
            feed.subscribers().remove(session);
            if (feed.subscribers().isEmpty()) {
                lineFeeds.remove(showId);
                return null;
            }
            return feed;
        });
    }

    void connected(LiveSession session) {
        sessions.add(session);
    }

    void disconnected(LiveSession session) {
        sessions.remove(session);
        session.watchedShows().forEach(showId -> unsubscribe(session, showId));
        session.close();
    }

    /** Pings every client, so that one with nothing to say still shows it is there before its connection idles out. */
    private void pingAll() {
        sessions.forEach(LiveSession::ping);
    }

    /** A committed change to a show's inventory, from the database listener. */
    void changed(long showId, Instant committedAt) {
        ShowFeed feed = feeds.get(showId);
        if (feed != null) {
            feed.changed(committedAt);
        }
    }

    /** A show's line moved, on any instance, at {@code movedAt}; {@code atOnce}: news its watchers hear at once. */
    void lineMoved(long showId, Instant movedAt, boolean atOnce) {
        LineFeed line = lineFeeds.get(showId);
        if (line != null) {
            line.moved(movedAt, atOnce);
        }
    }

    LineStatus readLine(long showId) {
        return lineReader.apply(showId);
    }

    /** The sessions watching a show now; none when nobody does. */
    java.util.Set<LiveSession> subscribersOf(long showId) {
        ShowFeed feed = feeds.get(showId);
        return feed == null ? java.util.Set.of() : feed.subscribers();
    }

    /** Notifications may have been missed: every watched show gets a fresh snapshot, and its line is read again. */
    void resubscribeAll() {
        lineFeeds.values().forEach(line -> line.moved(null, false));
        feeds.values().forEach(feed -> readers.submit(() -> {
            try {
                feed.resync();
            } catch (RuntimeException e) {
                feed.resyncLater();
            }
        }));
    }

    Availability read(long showId) {
        return reader.apply(showId);
    }

    /** Runs a read on a thread of its own. */
    void readInBackground(Runnable read) {
        readers.submit(read);
    }

    /**
     * How long a show's messages wait after the last one: 50 ms, longer when so many watch that the frames would
     * pile up.
     */
    static long intervalMillis(int watchers) {
        return spacing(watchers, MIN_INTERVAL_MILLIS, FRAMES_PER_SECOND_PER_SHOW);
    }

    /** At least {@code minMillis} between messages, longer when {@code watchers} would pass the frames a second. */
    static long spacing(int watchers, long minMillis, long framesPerSecond) {
        return Math.max(minMillis, watchers * 1000L / framesPerSecond);
    }

    void schedule(Runnable task, long delayMillis) {
        timer.schedule(() -> readers.submit(task), delayMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void start() {
        // Feeds start on demand when the first client subscribes to a show.
        if (pingInterval.isPositive()) {
            timer.scheduleWithFixedDelay(this::pingAll, pingInterval.toMillis(), pingInterval.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void stop(Duration grace) {
        timer.shutdownNow();
        readers.shutdown();
        try {
            readers.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
