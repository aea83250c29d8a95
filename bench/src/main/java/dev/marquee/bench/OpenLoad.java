package dev.marquee.bench;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * An open-model load generator: request {@code i} is due at {@code start + i / rate}, whether or not earlier ones
 * were answered, and its latency is counted from that intended moment, so a stalled server shows up as latency
 * rather than as fewer requests (no coordinated omission). A fixed set of keep-alive connections carries the
 * requests; when all are busy, due requests wait in line and that wait is part of their latency. The connections
 * stay open from one step to the next, as a box office's clients stay connected: opening a thousand at the start of
 * every step made the server accept them all at once, and the first second of each step paid for it.
 */
final class OpenLoad implements AutoCloseable {

    /** What request number {@code i} sends. */
    interface Requests {
        Request request(long i);
    }

    record Request(String path, String headerLines, byte[] body) {
    }

    private record Due(long index, long intendedNanos) {
    }

    private static final long TIMEOUT_MILLIS = 5_000;

    private final int connections;
    private final boolean keepsAcceptedIds;
    private final HttpConnection[] pool;

    OpenLoad(String host, int port, int connections) {
        this(host, port, connections, false);
    }

    private OpenLoad(String host, int port, int connections, boolean keepsAcceptedIds) {
        this.connections = connections;
        this.keepsAcceptedIds = keepsAcceptedIds;
        this.pool = new HttpConnection[connections];
        for (int i = 0; i < connections; i++) {
            pool[i] = new HttpConnection(host, port);
        }
    }

    /**
     * A generator that also keeps the id of every order it heard confirmed, for checking them afterwards. Only where
     * needed: a step's hundred thousand ids live until it ends, so every young collection of the generator copies
     * them, and its pauses (over 100 ms on two busy cores) count as latency of the requests due meanwhile.
     */
    static OpenLoad keepingAcceptedIds(String host, int port, int connections) {
        return new OpenLoad(host, port, connections, true);
    }

    /** Offers {@code rate} requests a second for {@code seconds}, then waits for every answer. */
    LoadResult run(double rate, double seconds, Requests requests) throws InterruptedException {
        return run(rate, seconds, requests, null);
    }

    /** As {@link #run(double, double, Requests)}, also noting each answer in {@code timeline} when there is one. */
    LoadResult run(double rate, double seconds, Requests requests, Timeline timeline) throws InterruptedException {
        LinkedBlockingQueue<Due> due = new LinkedBlockingQueue<>();
        Histogram accepted = histogram();
        Histogram refused = histogram();
        Histogram failed = histogram();
        Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        Queue<String> acceptedIds = new ConcurrentLinkedQueue<>();
        RateSchedule schedule = new RateSchedule(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20), rate, seconds);
        long start = schedule.startNanos();
        if (timeline != null) {
            timeline.begin(start);
        }
        Thread[] workers = new Thread[connections];
        for (int w = 0; w < connections; w++) {
            HttpConnection connection = pool[w];
            workers[w] = Thread.ofVirtual().start(() -> {
                try {
                    while (true) {
                        Due next = due.take();
                        if (next.index() < 0) {
                            return;
                        }
                        Request request = requests.request(next.index());
                        int status;
                        byte[] body = new byte[0];
                        try {
                            HttpConnection.Response response = connection.post(request.path(), request.headerLines(),
                                    request.body(), (int) TIMEOUT_MILLIS);
                            status = response.status();
                            body = response.body();
                        } catch (IOException | RuntimeException e) {
                            connection.close();
                            status = -1;
                        }
                        long latency = Math.max(1, System.nanoTime() - next.intendedNanos());
                        if (timeline != null) {
                            timeline.record(next.intendedNanos(), latency, status == 429);
                        }
                        statuses.computeIfAbsent(status, any -> new LongAdder()).increment();
                        if (status == 200 || status == 201) {
                            accepted.recordValue(latency);
                            if (keepsAcceptedIds) {
                                acceptedIds.add(idOf(body));
                            }
                        } else if (status == 429) {
                            refused.recordValue(latency);
                        } else {
                            failed.recordValue(status == -1 ? Math.max(latency, TIMEOUT_MILLIS * 1_000_000) : latency);
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        for (long i = 0; i < schedule.count(); i++) {
            long intended = schedule.intendedNanos(i);
            long wait = intended - System.nanoTime();
            if (wait > 50_000) {
                LockSupport.parkNanos(wait);
            }
            due.add(new Due(i, intended));
        }
        long offeredNanos = System.nanoTime() - start;
        for (int w = 0; w < connections; w++) {
            due.add(new Due(-1, 0));
        }
        for (Thread worker : workers) {
            worker.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        return new LoadResult(rate, seconds, offeredNanos / 1e9, elapsed, accepted, refused, failed,
                Map.copyOf(statuses.entrySet().stream().collect(java.util.stream.Collectors.toMap(
                        Map.Entry::getKey, entry -> entry.getValue().sum()))), List.copyOf(acceptedIds));
    }

    /** Closes the connections. */
    @Override
    public void close() {
        for (HttpConnection connection : pool) {
            connection.close();
        }
    }

    /** The {@code id} an answer starts with ({@code {"id":"..."}}), or empty. */
    static String idOf(byte[] body) {
        String text = new String(body, 0, Math.min(body.length, 80), java.nio.charset.StandardCharsets.UTF_8);
        int start = text.indexOf("\"id\":\"");
        int end = start < 0 ? -1 : text.indexOf('"', start + 6);
        return end < 0 ? "" : text.substring(start + 6, end);
    }

    private static Histogram histogram() {
        return new ConcurrentHistogram(TimeUnit.SECONDS.toNanos(60), 3);
    }
}
