package dev.marquee.server.auth;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The callers of recently checked tokens, kept for a moment so that a till selling many tickets a second does not
 * look its session up in the database on every request. A sign-out on any instance is announced to all of them
 * (see {@code InventoryListener}); should that announcement be lost, the entry still ends within the cache time.
 */
final class SessionCache {

    private static final int MAX_ENTRIES = 10_000;

    private record Entry(Caller caller, long validUntilNanos) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final long ttlNanos;
    private final LongSupplier nanoTime;

    SessionCache(Duration ttl, LongSupplier nanoTime) {
        this.ttlNanos = ttl.toNanos();
        this.nanoTime = nanoTime;
    }

    Optional<Caller> get(String tokenDigest) {
        Entry entry = entries.get(tokenDigest);
        if (entry == null || nanoTime.getAsLong() - entry.validUntilNanos() > 0) {
            return Optional.empty();
        }
        return Optional.of(entry.caller());
    }

    /** Remembers the caller for the cache's time, or until the session's own end if that comes first. */
    void put(String tokenDigest, Caller caller, Duration sessionLeft) {
        long keepNanos = Math.min(ttlNanos, sessionLeft.toNanos());
        if (keepNanos <= 0) {
            return;
        }
        if (entries.size() >= MAX_ENTRIES) {
            long now = nanoTime.getAsLong();
            entries.values().removeIf(entry -> now - entry.validUntilNanos() > 0);
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
        }
        entries.put(tokenDigest, new Entry(caller, nanoTime.getAsLong() + keepNanos));
    }

    void forget(String tokenDigest) {
        entries.remove(tokenDigest);
    }

    void forgetAll() {
        entries.clear();
    }
}
