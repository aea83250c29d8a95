package dev.marquee.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * An open-model load generator: request {@code i} is due at {@code start + i / rate}, whether or not earlier ones
 * were answered, and its latency is counted from that intended moment, so a stalled server shows up as latency
 * rather than as fewer requests (no coordinated omission). A fixed set of keep-alive connections carries the
 * requests; when all are busy, due requests wait in line and that wait is part of their latency. The connections
 * stay open from one step to the next, as a box office's clients stay connected: opening a thousand at the start of
 * every step made the server accept them all at once, and the first second of each step paid for it.
 *
 * <p>Every request a generator sends has a number of its own, counting on from one step to the next: the benchmark's
 * requests take their idempotency keys from it, and a key sent again is answered from the stored answer without
 * booking anything. (Until steps were numbered on, each step of a sweep sent the previous step's keys again, and
 * most of the answers at its highest rates were such replays.)
 *
 * <p>One thread keeps the schedule and one event loop (the caller's thread) does all the sending and reading, on
 * non-blocking sockets. The generator shares the machine's two cores with what it measures, so what it spends per
 * request matters: with a virtual thread per connection blocking on its socket, the generator spent much of its CPU
 * per request in wake-ups and hand-offs between threads; this way it spends markedly less.
 */
final class OpenLoad implements AutoCloseable {

    /** What request number {@code i} sends. */
    interface Requests {
        Request request(long i);
    }

    record Request(String path, String headerLines, byte[] body) {
    }

    private static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final long TIMEOUT_CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final String hostHeader;
    private final boolean keepsAcceptedIds;
    private final Selector selector;
    private final LoadConnection[] pool;
    /** How many requests this generator's steps have offered so far: the next step's first request number. */
    private long offered;

    OpenLoad(String host, int port, int connections) {
        this(host, port, connections, false);
    }

    private OpenLoad(String host, int port, int connections, boolean keepsAcceptedIds) {
        this.hostHeader = host + ":" + port;
        this.keepsAcceptedIds = keepsAcceptedIds;
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        InetSocketAddress address = new InetSocketAddress(host, port);
        this.pool = new LoadConnection[connections];
        for (int i = 0; i < connections; i++) {
            pool[i] = new LoadConnection(address, selector);
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

    /**
     * Offers {@code rate} requests a second for {@code seconds}, then waits for every answer. The requests are numbered
     * on from the last one this generator sent.
     */
    LoadResult run(double rate, double seconds, Requests requests) throws InterruptedException {
        return run(rate, seconds, requests, null);
    }

    /** As {@link #run(double, double, Requests)}, also noting each answer in {@code timeline} when there is one. */
    LoadResult run(double rate, double seconds, Requests requests, Timeline timeline) throws InterruptedException {
        LoadStep step = new LoadStep(timeline, keepsAcceptedIds);
        RateSchedule schedule = new RateSchedule(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20), rate, seconds);
        long start = schedule.startNanos();
        if (timeline != null) {
            timeline.begin(start);
        }
        long first = offered;
        offered += schedule.count();
        Queue<LoadConnection.Pending> released = new ConcurrentLinkedQueue<>();
        AtomicLong offeredNanos = new AtomicLong(-1);
        AtomicReference<RuntimeException> pacerFailure = new AtomicReference<>();
        Thread pacer = Thread.ofPlatform().name("open-load-pacer").daemon().start(() -> {
            try {
                for (long i = 0; i < schedule.count() && !Thread.currentThread().isInterrupted(); i++) {
                    long intended = schedule.intendedNanos(i);
                    long wait = intended - System.nanoTime();
                    if (wait > 50_000) {
                        LockSupport.parkNanos(wait);
                    }
                    released.add(new LoadConnection.Pending(intended, bytesOf(requests.request(first + i))));
                    selector.wakeup();
                }
            } catch (RuntimeException e) {
                pacerFailure.set(e);
            } finally {
                offeredNanos.set(System.nanoTime() - start);
                selector.wakeup();
            }
        });
        try {
            drive(step, released, offeredNanos);
        } finally {
            pacer.interrupt();
            pacer.join();
        }
        if (pacerFailure.get() != null) {
            throw pacerFailure.get();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        return step.result(rate, seconds, offeredNanos.get() / 1e9, elapsed);
    }

    /** The event loop: sends each released request on an idle connection, reads the answers, until all are in. */
    private void drive(LoadStep step, Queue<LoadConnection.Pending> released, AtomicLong offeredNanos)
            throws InterruptedException {
        ArrayDeque<LoadConnection.Pending> waiting = new ArrayDeque<>();
        // Idle connections are taken in turn, oldest first, so every one is opened and used in the warm-up, not in
        // the middle of a measured step when a burst first needs more of them.
        ArrayDeque<LoadConnection> idle = new ArrayDeque<>();
        for (LoadConnection connection : pool) {
            idle.add(connection);
        }
        // The connection is free again before the answer is recorded: were recording to fail, a connection lost
        // from the pool for good would leave fewer to send on, and with all of them lost the load stops.
        LoadConnection.Answers answers = (connection, pending, status, body) -> {
            idle.add(connection);
            step.record(pending, status, body, System.nanoTime());
        };
        Consumer<SelectionKey> ready = key -> ((LoadConnection) key.attachment()).ready(key, answers);
        long nextTimeoutCheck = System.nanoTime() + TIMEOUT_CHECK_NANOS;
        try {
            while (offeredNanos.get() < 0 || !released.isEmpty() || !waiting.isEmpty() || idle.size() < pool.length) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedException();
                }
                for (LoadConnection.Pending due = released.poll(); due != null; due = released.poll()) {
                    waiting.add(due);
                }
                while (!waiting.isEmpty() && !idle.isEmpty()) {
                    idle.poll().send(waiting.poll(), answers);
                }
                // Wakes for an answer, for the pacer releasing a request (it wakes the selector), or to check timeouts.
                selector.select(ready, TimeUnit.NANOSECONDS.toMillis(TIMEOUT_CHECK_NANOS));
                long now = System.nanoTime();
                if (now >= nextTimeoutCheck) {
                    for (LoadConnection connection : pool) {
                        connection.timeOutIfOlderThan(now - TIMEOUT_NANOS, answers);
                    }
                    nextTimeoutCheck = now + TIMEOUT_CHECK_NANOS;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] bytesOf(Request request) {
        String head = "POST " + request.path() + " HTTP/1.1\r\nHost: " + hostHeader + "\r\n" + request.headerLines()
                + "Content-Type: application/json\r\nContent-Length: " + request.body().length + "\r\n\r\n";
        byte[] headBytes = head.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] both = new byte[headBytes.length + request.body().length];
        System.arraycopy(headBytes, 0, both, 0, headBytes.length);
        System.arraycopy(request.body(), 0, both, headBytes.length, request.body().length);
        return both;
    }

    /** The {@code id} an answer starts with ({@code {"id":"..."}}), or empty. */
    static String idOf(byte[] body) {
        String text = new String(body, 0, Math.min(body.length, 80), java.nio.charset.StandardCharsets.UTF_8);
        int start = text.indexOf("\"id\":\"");
        int end = start < 0 ? -1 : text.indexOf('"', start + 6);
        return end < 0 ? "" : text.substring(start + 6, end);
    }

    /** Closes the connections. */
    @Override
    public void close() {
        for (LoadConnection connection : pool) {
            connection.close();
        }
        try {
            selector.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
