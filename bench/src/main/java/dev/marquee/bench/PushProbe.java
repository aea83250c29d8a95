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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * WebSocket clients subscribed to one show, each timing every {@code availability} message from the
 * {@code committedAt} it carries (the database commit) to its arrival here, on the same machine's clock (or every
 * {@code queue} message from its {@code movedAt}: see {@link Stamp}). They are
 * read by one selector thread per core, each reading its share of the connections: 10,000 general-purpose client
 * objects would cost the shared cores more than the server's pushes do, and one thread would read the last
 * client's copy of a message only after everyone else's, so the figure would measure the probe.
 */
final class PushProbe implements AutoCloseable {

    /** Which messages are timed, and by which of their fields: the moment the change they report was made. */
    record Stamp(String type, String key) {
        /** Availability messages, from the database commit of the change. */
        static final Stamp AVAILABILITY = new Stamp("availability", "committedAt");
        /** A waiting line's moves, from the moment the move was made in the database. */
        static final Stamp QUEUE = new Stamp("queue", "movedAt");

        String typeMarker() {
            return "\"type\":\"" + type + "\"";
        }

        String keyMarker() {
            return "\"" + key + "\":\"";
        }
    }

    /** What marks the message every client notes the first arrival of (see {@link #firstArrivals}). */
    static final String SOLD_OUT = "\"soldOut\":true";

    private final List<Reader> readers = new ArrayList<>();
    private final List<SocketChannel> channels = new ArrayList<>();
    private final Histogram latency = new ConcurrentHistogram(TimeUnit.SECONDS.toNanos(60), 3);
    private final AtomicLong snapshots = new AtomicLong();
    private final byte[] subscribe;
    private final Stamp stamp;
    private final List<Client> clients = java.util.Collections.synchronizedList(new ArrayList<>());
    private volatile boolean recording;
    private volatile boolean closed;

    private PushProbe(long showId, int threads, Stamp stamp) throws IOException {
        this.stamp = stamp;
        this.subscribe = WebSocketFrames.clientFrame(WebSocketFrames.TEXT,
                ("{\"type\":\"subscribe\",\"showIds\":[" + showId + "]}").getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < threads; i++) {
            readers.add(new Reader(i));
        }
    }

    /** Opens {@code clients} connections to {@code ws://localhost:port/ws}, each subscribed to the show. */
    static PushProbe connect(int port, long showId, int clients) throws IOException, InterruptedException {
        return connect(port, showId, clients, Stamp.AVAILABILITY);
    }

    /** As above, timing the messages {@code stamp} names. */
    static PushProbe connect(int port, long showId, int clients, Stamp stamp) throws IOException, InterruptedException {
        PushProbe probe = new PushProbe(showId, Math.min(4, Runtime.getRuntime().availableProcessors()), stamp);
        byte[] upgrade = WebSocketFrames.upgradeRequest("localhost", port, "/ws");
        for (int i = 0; i < clients; i++) {
            SocketChannel channel = SocketChannel.open(new InetSocketAddress("localhost", port));
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.write(ByteBuffer.wrap(upgrade));
            channel.configureBlocking(false);
            probe.channels.add(channel);
            Reader reader = probe.readers.get(i % probe.readers.size());
            reader.joining.add(channel);
            if (i % 100 == 99 || i == clients - 1) {
                probe.readers.forEach(each -> each.selector.wakeup());
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

    /**
     * When each client first got a message holding {@link #SOLD_OUT}, in nanoseconds since the epoch; clients that
     * never did are left out.
     */
    List<Long> firstArrivals() {
        synchronized (clients) {
            return clients.stream().filter(client -> client.soldOutNanos > 0).map(client -> client.soldOutNanos).toList();
        }
    }

    /** How a message's latency divides: from its commit to the first client that got it, then to the last. */
    record Split(Histogram commitToFirst, Histogram firstToLast) {
    }

    /** Each message's {@link Split}; call once the clients stopped recording. */
    Split split() {
        Map<Long, long[]> arrivals = new HashMap<>();
        for (Reader reader : readers) {
            synchronized (reader.arrivals) {
                reader.arrivals.forEach((committed, times) -> arrivals.merge(committed, times.clone(),
                        (a, b) -> new long[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])}));
            }
        }
        Histogram commitToFirst = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
        Histogram firstToLast = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
        arrivals.forEach((committed, times) -> {
            commitToFirst.recordValue(Math.max(1, times[0] - committed));
            firstToLast.recordValue(Math.max(1, times[1] - times[0]));
        });
        return new Split(commitToFirst, firstToLast);
    }

    /** One connection's unread bytes and, until the upgrade is answered, that it is still waiting for it. */
    private static final class Client {
        ByteBuffer in = ByteBuffer.allocateDirect(4096);
        boolean upgraded;
        ByteArrayOutputStream fragments;
        volatile long soldOutNanos;
    }

    /** One selector thread and the connections it reads. */
    private final class Reader {
        final Selector selector = Selector.open();
        final Queue<SocketChannel> joining = new ConcurrentLinkedQueue<>();
        /** For each message timed (by its {@code committedAt}): when this reader's first and last client got it. */
        final Map<Long, long[]> arrivals = new HashMap<>();
        final Thread thread;
        /** The last {@code committedAt} read, and its value: every client gets the same message. */
        String lastStamp = "";
        long lastStampNanos;

        Reader(int number) throws IOException {
            thread = Thread.ofPlatform().name("push-probe-" + number).daemon().start(this::readAll);
        }

        private void readAll() {
            try {
                while (!closed) {
                    selector.select(100);
                    for (SocketChannel channel = joining.poll(); channel != null; channel = joining.poll()) {
                        Client client = new Client();
                        clients.add(client);
                        channel.register(selector, SelectionKey.OP_READ, client);
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
                client.in = ByteBuffer.allocateDirect(client.in.capacity() * 2).put(client.in.flip());
            }
        }

        private void onFrame(SocketChannel channel, Client client, WebSocketFrames.Frame frame, long arrived)
                throws IOException {
            switch (frame.opcode()) {
                case WebSocketFrames.PING -> write(channel, WebSocketFrames.clientFrame(0xA, frame.payload()));
                case WebSocketFrames.CLOSE -> channel.close();
                case WebSocketFrames.TEXT, 0 -> {
                    if (frame.fin() && client.fragments == null) {
                        onMessage(client, frame.text(), arrived);
                        return;
                    }
                    if (client.fragments == null) {
                        client.fragments = new ByteArrayOutputStream();
                    }
                    client.fragments.write(frame.payload());
                    if (frame.fin()) {
                        onMessage(client, client.fragments.toString(StandardCharsets.UTF_8), arrived);
                        client.fragments = null;
                    }
                }
                default -> {
                    // pongs and binary frames carry nothing to time
                }
            }
        }

        private void onMessage(Client client, String text, long arrivedNanos) {
            if (text.contains("\"type\":\"snapshot\"")) {
                snapshots.incrementAndGet();
                return;
            }
            if (client.soldOutNanos == 0 && text.contains(SOLD_OUT)) {
                client.soldOutNanos = arrivedNanos;
            }
            String stamp = recording ? stampOf(text, PushProbe.this.stamp) : null;
            if (stamp == null) {
                return;
            }
            if (!stamp.equals(lastStamp)) {
                lastStamp = stamp;
                lastStampNanos = epochNanos(stamp);
            }
            long committed = lastStampNanos;
            latency.recordValue(Math.max(1, arrivedNanos - committed));
            synchronized (arrivals) {
                long[] times = arrivals.computeIfAbsent(committed, c -> new long[] {arrivedNanos, arrivedNanos});
                times[0] = Math.min(times[0], arrivedNanos);
                times[1] = Math.max(times[1], arrivedNanos);
            }
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

    private static void write(SocketChannel channel, byte[] bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    /**
     * The {@code committedAt} of an {@code availability} message in nanoseconds since the epoch, or 0 for any other
     * message.
     */
    static long committedAtNanos(String message) {
        String stamp = stampOf(message, Stamp.AVAILABILITY);
        return stamp == null ? 0 : epochNanos(stamp);
    }

    /**
     * The {@code committedAt} text of an {@code availability} message, or null for any other message. Read by hand
     * rather than parsed as a tree: 10,000 clients make this the probe's hottest path.
     */
    private static String stampOf(String message, Stamp stamp) {
        if (!message.contains(stamp.typeMarker())) {
            return null;
        }
        String key = stamp.keyMarker();
        int start = message.indexOf(key);
        int end = start < 0 ? -1 : message.indexOf('"', start + key.length());
        return end < 0 ? null : message.substring(start + key.length(), end);
    }

    private static long epochNanos(String stamp) {
        Instant instant = Instant.parse(stamp);
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    private static long nowNanos() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    @Override
    public void close() throws InterruptedException, IOException {
        closed = true;
        for (Reader reader : readers) {
            reader.selector.wakeup();
            reader.thread.join(5_000);
        }
        for (SocketChannel channel : channels) {
            channel.close();
        }
        for (Reader reader : readers) {
            reader.selector.close();
        }
    }
}
