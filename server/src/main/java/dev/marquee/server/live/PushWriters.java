package dev.marquee.server.live;

import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that write live messages to clients: as many as there are cores, each taking the next client with
 * something waiting and writing it. A message to a thousand clients then costs a thousand writes, and not also a
 * thousand threads woken and parked again (with a thread per client, a third of the writers' Java time went to
 * that).
 *
 * <p>A client that stops reading blocks the writer sending to it once its socket's buffer is full. Every
 * {@link #CHECK_MILLIS} the writers are checked: while clients wait and fewer writers than cores are free (not
 * blocked in one write for {@link #STUCK_MILLIS}), more start, so the other clients never wait on a stalled one
 * for much longer than that. The blocked writer stays with its client until the client reads again or the
 * connection fails: one thread per stalled client, as a thread per client would have cost anyway.
 */
final class PushWriters {

    static final long CHECK_MILLIS = 10;
    static final long STUCK_MILLIS = 20;

    /** One writer thread, and since when it has been in its current write (0 between writes). */
    private static final class Writer {
        volatile long writingSinceNanos;
    }

    private final Queue<LiveSession> ready = new ConcurrentLinkedQueue<>();
    private final Set<Writer> writers = ConcurrentHashMap.newKeySet();
    private final AtomicInteger running = new AtomicInteger();
    private final int parallelism;

    PushWriters(ScheduledExecutorService timer) {
        this(Runtime.getRuntime().availableProcessors(), timer);
    }

    PushWriters(int parallelism, ScheduledExecutorService timer) {
        this.parallelism = parallelism;
        timer.scheduleWithFixedDelay(this::startMoreIfBlocked, CHECK_MILLIS, CHECK_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** A client has something to send and no writer on it: the next free writer writes it. */
    void submit(LiveSession session) {
        ready.add(session);
        if (claimBelow(parallelism)) {
            start();
        }
    }

    /** Writers running now, blocked ones included. */
    int running() {
        return running.get();
    }

    private boolean claimBelow(int limit) {
        int now;
        do {
            now = running.get();
            if (now >= limit) {
                return false;
            }
        } while (!running.compareAndSet(now, now + 1));
        return true;
    }

    private void start() {
        Thread.ofVirtual().name("push-writer").start(this::writeWhileReady);
    }

    private void writeWhileReady() {
        Writer writer = new Writer();
        writers.add(writer);
        boolean counted = true;
        try {
            while (true) {
                LiveSession session = ready.poll();
                if (session == null) {
                    running.decrementAndGet();
                    counted = false;
                    // A client queued between the poll and the decrement may have found no free place: go on for it.
                    if (ready.isEmpty() || !claimBelow(parallelism)) {
                        return;
                    }
                    counted = true;
                    continue;
                }
                writer.writingSinceNanos = System.nanoTime();
                boolean more = session.writeWaiting();
                writer.writingSinceNanos = 0;
                if (more) {
                    ready.add(session);
                }
            }
        } finally {
            // A writer that ends by an error still gives its place back, or clients would wait for the timer.
            if (counted) {
                running.decrementAndGet();
            }
            writers.remove(writer);
        }
    }

    /** Run by the timer: clients wait while writers are blocked on stalled clients, so start others. */
    private void startMoreIfBlocked() {
        if (ready.isEmpty()) {
            return;
        }
        long now = System.nanoTime();
        int free = 0;
        for (Writer writer : writers) {
            long since = writer.writingSinceNanos;
            if (since == 0 || now - since < TimeUnit.MILLISECONDS.toNanos(STUCK_MILLIS)) {
                free++;
            }
        }
        for (; free < parallelism; free++) {
            running.incrementAndGet();
            start();
        }
    }
}
