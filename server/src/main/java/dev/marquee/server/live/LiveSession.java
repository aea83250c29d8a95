package dev.marquee.server.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.marquee.model.live.AvailabilityMessage;
import dev.marquee.model.live.LiveError;
import io.helidon.websocket.WsSession;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One WebSocket client. What waits to be sent is at most one message per subscribed show, the latest state folded
 * in, so a slow or dead client costs a bounded amount of memory and never holds up the booking path or other
 * clients. One {@link PushWriters} thread at a time writes it (concurrent sends corrupt frames).
 */
final class LiveSession {

    private static final System.Logger LOG = System.getLogger(LiveSession.class.getName());

    private final WsSession socket;
    private final MessageText text;
    private final PushCounters pushes;
    private final PushWriters writers;
    private final Set<Long> shows = ConcurrentHashMap.newKeySet();
    private final Map<Long, AvailabilityMessage> pending = new LinkedHashMap<>();
    private final List<LiveError> errors = new ArrayList<>();
    private final Map<Long, Long> sentVersions = new HashMap<>();
    /** A writer has this client: it is queued or being written, and takes whatever is added meanwhile. */
    private boolean withWriter;
    private boolean closed;

    LiveSession(WsSession socket, MessageText text, PushCounters pushes, PushWriters writers) {
        this.socket = socket;
        this.text = text;
        this.pushes = pushes;
        this.writers = writers;
    }

    Set<Long> shows() {
        return shows;
    }

    /** Queues a message for a subscribed show, folding it into any message of that show still waiting. */
    void offer(AvailabilityMessage message) {
        synchronized (this) {
            if (closed || !shows.contains(message.showId())) {
                return;
            }
            AvailabilityMessage waiting = pending.get(message.showId());
            AvailabilityMessage next = waiting == null ? message : Messages.merge(waiting, message);
            long sent = sentVersions.getOrDefault(next.showId(), Long.MIN_VALUE);
            boolean stale = Messages.isSnapshot(next) ? next.version() < sent : next.version() <= sent;
            if (stale) {
                return;
            }
            if (waiting != null) {
                pushes.coalesced().increment();
            }
            pending.put(next.showId(), next);
            if (!needsWriter()) {
                return;
            }
        }
        writers.submit(this);
    }

    void error(LiveError error) {
        synchronized (this) {
            if (closed || errors.size() >= 10) {
                return;
            }
            errors.add(error);
            if (!needsWriter()) {
                return;
            }
        }
        writers.submit(this);
    }

    synchronized void forget(long showId) {
        shows.remove(showId);
        pending.remove(showId);
        sentVersions.remove(showId);
    }

    synchronized void close() {
        closed = true;
        pending.clear();
        errors.clear();
    }

    /**
     * Writes what waits now, on a {@link PushWriters} thread; answers whether more arrived meanwhile, for the
     * writers to come back to this client after the others waiting.
     */
    boolean writeWaiting() {
        List<Object> batch = takeWaiting();
        try {
            for (int i = 0; i < batch.size(); i++) {
                try {
                    socket.send(text.of(batch.get(i)), true);
                } catch (RuntimeException e) {
                    pushes.failed().add(batch.size() - i);
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
        return !pending.isEmpty() || !errors.isEmpty();
    }

    private synchronized List<Object> takeWaiting() {
        List<Object> batch = new ArrayList<>(errors.size() + pending.size());
        batch.addAll(errors);
        errors.clear();
        for (AvailabilityMessage message : pending.values()) {
            batch.add(message);
            sentVersions.put(message.showId(), message.version());
        }
        pending.clear();
        return batch;
    }
}
