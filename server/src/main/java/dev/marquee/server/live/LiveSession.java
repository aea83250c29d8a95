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
 * One WebSocket client. Only its own writer thread sends on the socket (concurrent sends corrupt frames). What
 * waits to be sent is at most one message per subscribed show, the latest state folded in, so a slow or dead client
 * costs a bounded amount of memory and never holds up the booking path or other clients.
 */
final class LiveSession {

    private static final System.Logger LOG = System.getLogger(LiveSession.class.getName());

    private final WsSession socket;
    private final MessageText text;
    private final PushCounters pushes;
    private final Set<Long> shows = ConcurrentHashMap.newKeySet();
    private final Map<Long, AvailabilityMessage> pending = new LinkedHashMap<>();
    private final List<LiveError> errors = new ArrayList<>();
    private final Map<Long, Long> sentVersions = new HashMap<>();
    private boolean closed;

    LiveSession(WsSession socket, MessageText text, PushCounters pushes) {
        this.socket = socket;
        this.text = text;
        this.pushes = pushes;
        Thread.ofVirtual().name("ws-writer").start(this::writeUntilClosed);
    }

    Set<Long> shows() {
        return shows;
    }

    /** Queues a message for a subscribed show, folding it into any message of that show still waiting. */
    synchronized void offer(AvailabilityMessage message) {
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
        notifyAll();
    }

    synchronized void error(LiveError error) {
        if (errors.size() < 10) {
            errors.add(error);
            notifyAll();
        }
    }

    synchronized void forget(long showId) {
        shows.remove(showId);
        pending.remove(showId);
        sentVersions.remove(showId);
    }

    synchronized void close() {
        closed = true;
        notifyAll();
    }

    private void writeUntilClosed() {
        try {
            while (true) {
                List<Object> batch = nextBatch();
                if (batch == null) {
                    return;
                }
                for (int i = 0; i < batch.size(); i++) {
                    try {
                        socket.send(text.of(batch.get(i)), true);
                    } catch (RuntimeException e) {
                        pushes.failed().add(batch.size() - i);
                        throw e;
                    }
                    pushes.sent().increment();
                }
            }
        } catch (JsonProcessingException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "Stopped writing to a WebSocket client: {0}", e.getMessage());
            close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized List<Object> nextBatch() throws InterruptedException {
        while (!closed && pending.isEmpty() && errors.isEmpty()) {
            wait();
        }
        if (closed) {
            return null;
        }
        List<Object> batch = new ArrayList<>(errors);
        errors.clear();
        for (AvailabilityMessage message : pending.values()) {
            batch.add(message);
            sentVersions.put(message.showId(), message.version());
        }
        pending.clear();
        return batch;
    }
}
