package dev.marquee.server.live;

import io.helidon.common.buffers.BufferData;
import io.helidon.common.socket.SocketContext;
import io.helidon.websocket.WsSession;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/** A client's socket for tests: records what is sent, and blocks every send while {@code release} is closed. */
final class RecordingSocket implements WsSession {
    final List<String> sent = new CopyOnWriteArrayList<>();
    final AtomicInteger sendsStarted = new AtomicInteger();
    final AtomicInteger overlapping = new AtomicInteger();
    final CountDownLatch release;
    private final AtomicInteger inSend = new AtomicInteger();

    RecordingSocket(CountDownLatch release) {
        this.release = release;
    }

    @Override
    public WsSession send(String message, boolean last) {
        if (inSend.incrementAndGet() > 1) {
            overlapping.incrementAndGet();
        }
        sendsStarted.incrementAndGet();
        try {
            if (release != null) {
                release.await();
            }
            sent.add(message);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            inSend.decrementAndGet();
        }
        return this;
    }

    @Override
    public WsSession send(BufferData bufferData, boolean last) {
        throw new UnsupportedOperationException();
    }

    @Override
    public WsSession ping(BufferData bufferData) {
        return this;
    }

    @Override
    public WsSession pong(BufferData bufferData) {
        return this;
    }

    @Override
    public WsSession close(int code, String reason) {
        return this;
    }

    @Override
    public WsSession terminate() {
        return this;
    }

    @Override
    public SocketContext socketContext() {
        throw new UnsupportedOperationException();
    }
}
