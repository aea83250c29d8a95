package dev.marquee.server.http;

import io.helidon.http.Headers;
import io.helidon.http.HttpPrologue;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.http1.Http1ConnectionListener;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Cuts off clients that are too slow to send a request: its headers must arrive within the read timeout of its
 * first line, and a body the server reads within the same time again. A connection past its deadline has its
 * thread interrupted, which closes the socket under the blocked read. (The socket's own read timeout cannot do
 * this: the server reads through NIO channels, which ignore it.) Arming and disarming cost a map entry each; one
 * thread looks for deadlines passed a few times per timeout, so no request schedules a task of its own.
 */
public final class ReadDeadlines implements Http1ConnectionListener, AutoCloseable {

    private final Duration timeout;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(work -> {
        Thread thread = new Thread(work, "read-deadlines");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<Thread, Deadline> headerDeadlines = new ConcurrentHashMap<>();
    private final Set<Deadline> armed = ConcurrentHashMap.newKeySet();
    private final Map<Thread, Long> cutOff = new ConcurrentHashMap<>();

    public ReadDeadlines(Duration timeout) {
        this.timeout = timeout;
        long scan = Math.max(50, timeout.toMillis() / 4);
        timer.scheduleWithFixedDelay(this::fireOverdue, scan, scan, TimeUnit.MILLISECONDS);
    }

    /** Called by the web server once a request's first line has arrived: its headers must follow in time. */
    @Override
    public void prologue(ConnectionContext context, HttpPrologue prologue) {
        Thread reader = Thread.currentThread();
        Deadline previous = headerDeadlines.put(reader, arm(reader));
        if (previous != null) {
            previous.disarm();
        }
    }

    /** Called by the web server once the headers are in. */
    @Override
    public void headers(ConnectionContext context, Headers headers) {
        Deadline deadline = headerDeadlines.remove(Thread.currentThread());
        if (deadline != null && deadline.disarm()) {
            cutOff.remove(Thread.currentThread());
        }
    }

    /**
     * Reads a request body within the deadline. Past it the socket is already closed under the read, so there is
     * no one to answer: the connection ends quietly.
     */
    public <T> T read(Supplier<T> body) {
        Thread reader = Thread.currentThread();
        Deadline deadline = arm(reader);
        T result;
        try {
            result = body.get();
        } catch (RuntimeException failure) {
            if (deadline.disarm()) {
                cutOff.remove(reader);
                throw new CloseConnectionException("The request body took too long to arrive", failure);
            }
            throw failure;
        }
        if (deadline.disarm()) {
            cutOff.remove(reader);
        }
        return result;
    }

    /** Whether this thread's connection was just cut off for slowness (asked once, by the error answers). */
    public boolean wasCutOff(Thread thread) {
        return cutOff.remove(thread) != null;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    private Deadline arm(Thread reader) {
        Deadline deadline = new Deadline(reader, System.nanoTime() + timeout.toNanos());
        armed.add(deadline);
        return deadline;
    }

    private void fireOverdue() {
        long now = System.nanoTime();
        armed.forEach(deadline -> {
            if (now - deadline.at > 0) {
                deadline.fire();
            }
        });
        // A thread cut off whose connection simply went away is never asked about: forgotten after a while.
        cutOff.values().removeIf(at -> now - at > timeout.toNanos());
    }

    /** One armed deadline; firing and disarming exclude each other, so no interrupt strays past a disarm. */
    private final class Deadline {

        private final Thread reader;
        private final long at;
        private boolean live = true;
        private boolean fired;

        Deadline(Thread reader, long at) {
            this.reader = reader;
            this.at = at;
        }

        synchronized void fire() {
            armed.remove(this);
            headerDeadlines.remove(reader, this);
            if (live) {
                live = false;
                fired = true;
                cutOff.put(reader, System.nanoTime());
                reader.interrupt();
            }
        }

        /** Stops the deadline; true when it had already fired (the caller's interrupt flag is then cleared). */
        synchronized boolean disarm() {
            armed.remove(this);
            live = false;
            if (fired && reader == Thread.currentThread()) {
                Thread.interrupted();
            }
            return fired;
        }
    }
}
