package dev.marquee.server.http;

import java.util.concurrent.atomic.AtomicLong;

/**
 * One warning line per interval for a failure that arrives in floods (every request while the database fails over,
 * say): the first is logged at once, later ones at most once per interval with how many were not logged between.
 */
final class QuietLog {

    private final System.Logger log;
    private final long intervalNanos;
    private final AtomicLong nextLineAt = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong unlogged = new AtomicLong();

    QuietLog(System.Logger log, java.time.Duration interval) {
        this.log = log;
        this.intervalNanos = interval.toNanos();
    }

    void warn(String message) {
        long now = System.nanoTime();
        long next = nextLineAt.get();
        if ((next != Long.MIN_VALUE && now - next < 0) || !nextLineAt.compareAndSet(next, now + intervalNanos)) {
            unlogged.incrementAndGet();
            return;
        }
        long skipped = unlogged.getAndSet(0);
        log.log(System.Logger.Level.WARNING, skipped == 0 ? message : message + " (and " + skipped + " more like it)");
    }
}
