package dev.marquee.server.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.marquee.model.live.AvailabilityMessage;
import dev.marquee.model.live.LiveError;
import dev.marquee.model.live.QueueMessage;
import io.helidon.common.buffers.BufferData;
import io.helidon.websocket.WsSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One WebSocket client. What waits to be sent is at most one availability message and one line message per
 * subscribed show, the latest state folded in, so a slow or dead client costs a bounded amount of memory and never holds up the booking path or other
 * clients. One {@link PushWriters} thread at a time writes it (concurrent sends corrupt frames).
 */
final class LiveSession {

    private static final System.Logger LOG = System.getLogger(LiveSession.class.getName());

    private final WsSession socket;
    private final MessageText text;
    private final PushCounters pushes;
    private final PushWriters writers;
    private final Map<Long, Watched> watched = new ConcurrentHashMap<>();
    /** The watched shows with a message waiting, in the order their first one arrived. */
    private final List<Watched> showsWaiting = new ArrayList<>(1);
    /** Messages for this client alone, in order: errors, and the offers of its waiting-list entries. */
    private final List<Object> direct = new ArrayList<>();
    /** Pongs owed to the client's pings (their payloads), and whether a ping of ours is due: control frames. */
    private final List<byte[]> pongsOwed = new ArrayList<>(1);
    private boolean pingDue;
    /** A writer has this client: it is queued or being written, and takes whatever is added meanwhile. */
    private boolean withWriter;
    private boolean closed;
    /** The account the client signed in as ({@code auth}), or null. */
    private UUID account;
    /** Signed in as box-office staff: shown hidden tiers, which fans are not. */
    private volatile boolean staff;

    /**
     * One show this client watches: the version last written to it and the message waiting to be. It is made once
     * per subscription, so a message costs one reference stored in an object the collector promoted long ago. With
     * a map entry and a boxed version per message instead, a young collection with thousands of clients listening
     * found more than twice as many references from old objects into the young generation.
     */
    private static final class Watched {
        long sentVersion = Long.MIN_VALUE;
        AvailabilityMessage waiting;
        /** The show's line as last read, waiting to be sent: a newer one simply replaces it. */
        QueueMessage waitingLine;

        boolean hasWaiting() {
            return waiting != null || waitingLine != null;
        }
    }

    LiveSession(WsSession socket, MessageText text, PushCounters pushes, PushWriters writers) {
        this.socket = socket;
        this.text = text;
        this.pushes = pushes;
        this.writers = writers;
    }

    /** Sets the client's account (null: none); answers the one it had. */
    synchronized UUID account(UUID signedIn, boolean signedInAsStaff) {
        UUID before = account;
        account = signedIn;
        staff = signedInAsStaff;
        return before;
    }

    /** Queues the show's message as this client may see it: {@code forFans} unless it is staff's. */
    void offer(AvailabilityMessage full, AvailabilityMessage forFans) {
        offer(staff ? full : forFans);
    }

    /** Starts watching a show: its messages are taken from now on. */
    void watch(long showId) {
        watched.putIfAbsent(showId, new Watched());
    }

    boolean watches(long showId) {
        return watched.containsKey(showId);
    }

    /** The shows this client watches, as they are now. */
    Set<Long> watchedShows() {
        return Set.copyOf(watched.keySet());
    }

    /** Queues a message for a subscribed show, folding it into any message of that show still waiting. */
    void offer(AvailabilityMessage message) {
        synchronized (this) {
            Watched show = watched.get(message.showId());
            if (closed || show == null) {
                return;
            }
            AvailabilityMessage next = show.waiting == null ? message : Messages.merge(show.waiting, message);
            boolean stale = Messages.isSnapshot(next) ? next.version() < show.sentVersion
                    : next.version() <= show.sentVersion;
            if (stale) {
                return;
            }
            if (show.waiting != null) {
                pushes.coalesced().increment();
            } else if (show.waitingLine == null) {
                showsWaiting.add(show);
            }
            show.waiting = next;
            if (!needsWriter()) {
                return;
            }
        }
        writers.submit(this);
    }

    /** Queues the show's line as it is now, replacing any line message of that show still waiting. */
    void offer(QueueMessage message) {
        synchronized (this) {
            Watched show = watched.get(message.showId());
            if (closed || show == null) {
                return;
            }
            if (show.waitingLine != null) {
                pushes.coalesced().increment();
            } else if (show.waiting == null) {
                showsWaiting.add(show);
            }
            show.waitingLine = message;
            if (!needsWriter()) {
                return;
            }
        }
        writers.submit(this);
    }

    void error(LiveError error) {
        tell(error);
    }

    /** Queues a message for this client alone; beyond ten waiting, more are dropped (a client that reads nothing). */
    void tell(Object message) {
        synchronized (this) {
            if (closed || direct.size() >= 10) {
                return;
            }
            direct.add(message);
            if (!needsWriter()) {
                return;
            }
        }
        writers.submit(this);
    }

    /** Answers the client's ping (RFC 6455): written by the writers like everything else, never alongside. */
    void pong(byte[] payload) {
        synchronized (this) {
            if (closed || pongsOwed.size() >= 10) {
                return;
            }
            pongsOwed.add(payload);
            if (!needsWriter()) {
                return;
            }
        }
        writers.submit(this);
    }

    /** Pings the client, whose pong shows the server the connection is alive though the client has nothing to say. */
    void ping() {
        synchronized (this) {
            if (closed || pingDue) {
                return;
            }
            pingDue = true;
            if (!needsWriter()) {
                return;
            }
        }
        writers.submit(this);
    }

    synchronized void forget(long showId) {
        Watched show = watched.remove(showId);
        if (show != null && show.hasWaiting()) {
            showsWaiting.remove(show);
        }
    }

    synchronized void close() {
        closed = true;
        showsWaiting.forEach(show -> {
            show.waiting = null;
            show.waitingLine = null;
        });
        showsWaiting.clear();
        direct.clear();
        pongsOwed.clear();
        pingDue = false;
    }

    /**
     * Writes what waits now, on a {@link PushWriters} thread; answers whether more arrived meanwhile, for the
     * writers to come back to this client after the others waiting.
     */
    boolean writeWaiting() {
        List<Object> batch = takeWaiting();
        try {
            writeControlFrames();
            for (int i = 0; i < batch.size(); i++) {
                try {
                    socket.send(text.of(batch.get(i)), true);
                } catch (RuntimeException e) {
                    pushes.failed().increment(batch.size() - i);
                    throw e;
                }
                pushes.sent().increment();
            }
        } catch (JsonProcessingException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "Stopped writing to a WebSocket client: {0}", e.getMessage());
            close();
        }
        synchronized (this) {
            withWriter = !closed && hasWaiting();
            return withWriter;
        }
    }

    /** Whether what was just queued needs a writer; the lock is held. */
    private boolean needsWriter() {
        if (withWriter) {
            return false;
        }
        withWriter = true;
        return true;
    }

    private boolean hasWaiting() {
        return !showsWaiting.isEmpty() || !direct.isEmpty() || !pongsOwed.isEmpty() || pingDue;
    }

    private void writeControlFrames() {
        List<byte[]> pongs;
        boolean ping;
        synchronized (this) {
            pongs = List.copyOf(pongsOwed);
            pongsOwed.clear();
            ping = pingDue;
            pingDue = false;
        }
        pongs.forEach(payload -> socket.pong(BufferData.create(payload)));
        if (ping) {
            socket.ping(BufferData.empty());
        }
    }

    private synchronized List<Object> takeWaiting() {
        List<Object> batch = new ArrayList<>(direct.size() + 2 * showsWaiting.size());
        batch.addAll(direct);
        direct.clear();
        for (Watched show : showsWaiting) {
            if (show.waiting != null) {
                batch.add(show.waiting);
                show.sentVersion = show.waiting.version();
                show.waiting = null;
            }
            if (show.waitingLine != null) {
                batch.add(show.waitingLine);
                show.waitingLine = null;
            }
        }
        showsWaiting.clear();
        return batch;
    }
}
