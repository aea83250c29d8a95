package dev.marquee.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * WebSocket clients subscribed to one show, each timing every {@code availability} message from the
 * {@code committedAt} it carries (the database commit) to its arrival here, on the same machine's clock.
 */
final class PushProbe implements AutoCloseable {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final List<WebSocket> sockets = new ArrayList<>();
    private final Histogram latency = new ConcurrentHistogram(TimeUnit.SECONDS.toNanos(60), 3);
    private final AtomicLong snapshots = new AtomicLong();
    private volatile boolean recording;

    /** Opens {@code clients} connections to {@code ws://localhost:port/ws} and subscribes each to the show. */
    static PushProbe connect(int port, long showId, int clients) throws InterruptedException {
        PushProbe probe = new PushProbe();
        URI uri = URI.create("ws://localhost:" + port + "/ws");
        String subscribe = "{\"type\":\"subscribe\",\"showIds\":[" + showId + "]}";
        for (int first = 0; first < clients; first += 200) {
            List<CompletableFuture<WebSocket>> opening = new ArrayList<>();
            for (int i = first; i < Math.min(clients, first + 200); i++) {
                opening.add(probe.http.newWebSocketBuilder().buildAsync(uri, probe.new Listener()));
            }
            for (CompletableFuture<WebSocket> socket : opening) {
                WebSocket open = socket.join();
                probe.sockets.add(open);
                open.sendText(subscribe, true);
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

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                long arrived = nowNanos();
                String text = partial.toString();
                partial.setLength(0);
                onMessage(text, arrived);
            }
            socket.request(1);
            return null;
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
     * message. Read by hand rather than parsed as a tree: 10,000 clients make this the generator's hottest path.
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
    public void close() {
        sockets.forEach(socket -> socket.sendClose(WebSocket.NORMAL_CLOSURE, "done"));
        http.close();
    }
}
