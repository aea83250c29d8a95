package dev.marquee.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * WebSocket clients subscribed to one show, each timing every {@code availability} message from the
 * {@code committedAt} it carries (the database commit) to its arrival here, on the same machine's clock. All of
 * them are read by one selector thread: 10,000 general-purpose client objects would cost the shared cores more
 * than the server's pushes do, and then the figure would measure the probe.
 */
final class PushProbe implements AutoCloseable {

    private final Selector selector = Selector.open();
    private final Queue<SocketChannel> joining = new ConcurrentLinkedQueue<>();
    private final List<SocketChannel> channels = new ArrayList<>();
    private final Histogram latency = new ConcurrentHistogram(TimeUnit.SECONDS.toNanos(60), 3);
    private final AtomicLong snapshots = new AtomicLong();
    private final byte[] subscribe;
    private final Thread reader;
    private volatile boolean recording;
    private volatile boolean closed;

    private PushProbe(long showId) throws IOException {
        this.subscribe = WebSocketFrames.clientFrame(WebSocketFrames.TEXT,
                ("{\"type\":\"subscribe\",\"showIds\":[" + showId + "]}").getBytes(StandardCharsets.UTF_8));
        this.reader = Thread.ofPlatform().name("push-probe").daemon().start(this::readAll);
    }

    /** Opens {@code clients} connections to {@code ws://localhost:port/ws}, each subscribed to the show. */
    static PushProbe connect(int port, long showId, int clients) throws IOException, InterruptedException {
        PushProbe probe = new PushProbe(showId);
        byte[] upgrade = WebSocketFrames.upgradeRequest("localhost", port, "/ws");
        for (int i = 0; i < clients; i++) {
            SocketChannel channel = SocketChannel.open(new InetSocketAddress("localhost", port));
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.write(ByteBuffer.wrap(upgrade));
            channel.configureBlocking(false);
            probe.channels.add(channel);
            probe.joining.add(channel);
            if (i % 100 == 99 || i == clients - 1) {
                probe.selector.wakeup();
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (probe.snapshots.get() < clients && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        return probe;
    }

    int connected() {
        return (int) snapshots.get();
    }

    void record(boolean on) {
        recording = on;
    }

    Histogram latency() {
        return latency;
    }

    /** One connection's unread bytes and, until the upgrade is answered, that it is still waiting for it. */
    private static final class Client {
        ByteBuffer in = ByteBuffer.allocate(4096);
        boolean upgraded;
        ByteArrayOutputStream fragments;
    }

    private void readAll() {
        try {
            while (!closed) {
                selector.select(100);
                for (SocketChannel channel = joining.poll(); channel != null; channel = joining.poll()) {
                    channel.register(selector, SelectionKey.OP_READ, new Client());
                }
                for (SelectionKey key : selector.selectedKeys()) {
                    try {
                        read(key);
                    } catch (IOException broken) {
                        // one client's broken connection: it stops counting as subscribed, the others go on
                        key.cancel();
                        key.channel().close();
                    }
                }
                selector.selectedKeys().clear();
            }
        } catch (IOException | RuntimeException e) {
            if (!closed) {
                System.err.println("push probe stopped: " + e);
            }
        }
    }

    private void read(SelectionKey key) throws IOException {
        SocketChannel channel = (SocketChannel) key.channel();
        Client client = (Client) key.attachment();
        int read;
        try {
            read = channel.read(client.in);
        } catch (IOException reset) {
            read = -1;
        }
        if (read < 0) {
            key.cancel();
            channel.close();
            return;
        }
        long arrived = nowNanos();
        client.in.flip();
        if (!client.upgraded && !upgrade(channel, client)) {
            client.in.compact();
            return;
        }
        for (WebSocketFrames.Frame frame = WebSocketFrames.next(client.in); frame != null;
             frame = WebSocketFrames.next(client.in)) {
            onFrame(channel, client, frame, arrived);
        }
        client.in.compact();
        if (!client.in.hasRemaining()) {
            client.in = ByteBuffer.allocate(client.in.capacity() * 2).put(client.in.flip());
        }
    }

    /** Consumes the upgrade answer once it has fully arrived, then subscribes; false while it has not. */
    private boolean upgrade(SocketChannel channel, Client client) throws IOException {
        String head = StandardCharsets.US_ASCII.decode(client.in.duplicate()).toString();
        int end = head.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        if (!head.startsWith("HTTP/1.1 101")) {
            throw new IOException("WebSocket upgrade refused: " + head.lines().findFirst().orElse(""));
        }
        client.in.position(client.in.position() + end + 4);
        client.upgraded = true;
        write(channel, subscribe);
        return true;
    }

    private void onFrame(SocketChannel channel, Client client, WebSocketFrames.Frame frame, long arrived)
            throws IOException {
        switch (frame.opcode()) {
            case WebSocketFrames.PING -> write(channel, WebSocketFrames.clientFrame(0xA, frame.payload()));
            case WebSocketFrames.CLOSE -> channel.close();
            case WebSocketFrames.TEXT, 0 -> {
                if (frame.fin() && client.fragments == null) {
                    onMessage(frame.text(), arrived);
                    return;
                }
                if (client.fragments == null) {
                    client.fragments = new ByteArrayOutputStream();
                }
                client.fragments.write(frame.payload());
                if (frame.fin()) {
                    onMessage(client.fragments.toString(StandardCharsets.UTF_8), arrived);
                    client.fragments = null;
                }
            }
            default -> {
                // pongs and binary frames carry nothing to time
            }
        }
    }

    private static void write(SocketChannel channel, byte[] bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    private void onMessage(String text, long arrivedNanos) {
        if (text.contains("\"type\":\"snapshot\"")) {
            snapshots.incrementAndGet();
        } else if (recording) {
            long committed = committedAtNanos(text);
            if (committed > 0) {
                latency.recordValue(Math.max(1, arrivedNanos - committed));
            }
        }
    }

    /**
     * The {@code committedAt} of an {@code availability} message in nanoseconds since the epoch, or 0 for any other
     * message. Read by hand rather than parsed as a tree: 10,000 clients make this the probe's hottest path.
     */
    static long committedAtNanos(String message) {
        if (!message.contains("\"type\":\"availability\"")) {
            return 0;
        }
        int start = message.indexOf("\"committedAt\":\"");
        int end = start < 0 ? -1 : message.indexOf('"', start + 15);
        if (end < 0) {
            return 0;
        }
        Instant committed = Instant.parse(message.substring(start + 15, end));
        return committed.getEpochSecond() * 1_000_000_000L + committed.getNano();
    }

    private static long nowNanos() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    @Override
    public void close() throws InterruptedException, IOException {
        closed = true;
        selector.wakeup();
        reader.join(5_000);
        for (SocketChannel channel : channels) {
            channel.close();
        }
        selector.close();
    }
}
