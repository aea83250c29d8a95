package dev.marquee.server.auth;

import dev.marquee.server.platform.Futures;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The callers of recently checked tokens, kept for a moment so that a till selling many tickets a second does not
 * look its session up in the database on every request. A sign-out on any instance is announced to all of them
 * (see {@code InventoryListener}); should that announcement be lost, the entry still ends within the cache time.
 *
 * <p>When an entry ends, the requests that miss it at the same moment share one look-up ({@link #caller}). A till
 * selling thousands of tickets a second otherwise sent a hundred look-ups every second, each holding a pooled
 * connection, and the booking lanes waited behind them for theirs.
 */
final class SessionCache {

    /** What a look-up found: the session's caller and how long the session has left. */
    record Found(Caller caller, Duration left) {
    }

    private static final int MAX_ENTRIES = 10_000;

    private record Entry(Caller caller, long validUntilNanos) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Caller>> lookUps = new ConcurrentHashMap<>();
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

    /**
     * The token's remembered caller, or what {@code lookUp} finds, run once for all who ask while it runs; they all
     * hear its failure too. A sign-out heard meanwhile keeps its answer from being remembered.
     */
    Caller caller(String tokenDigest, Supplier<Found> lookUp) {
        Optional<Caller> cached = get(tokenDigest);
        if (cached.isPresent()) {
            return cached.get();
        }
        CompletableFuture<Caller> mine = new CompletableFuture<>();
        CompletableFuture<Caller> running = lookUps.putIfAbsent(tokenDigest, mine);
        if (running != null) {
            return Futures.join(running);
        }
        try {
            // A look-up that ended between the miss and now has already remembered its answer.
            Caller caller = get(tokenDigest).orElseGet(() -> {
                Found found = lookUp.get();
                if (lookUps.get(tokenDigest) == mine) {
                    put(tokenDigest, found.caller(), found.left());
                }
                return found.caller();
            });
            mine.complete(caller);
            return caller;
        } catch (RuntimeException | Error failure) {
            mine.completeExceptionally(failure);
            throw failure;
        } finally {
            lookUps.remove(tokenDigest, mine);
        }
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
        lookUps.remove(tokenDigest);
        entries.remove(tokenDigest);
    }

    void forgetAll() {
        lookUps.clear();
        entries.clear();
    }
}
