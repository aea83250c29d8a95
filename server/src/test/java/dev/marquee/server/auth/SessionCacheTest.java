package dev.marquee.server.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marquee.model.auth.Role;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SessionCacheTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final SessionCache cache = new SessionCache(Duration.ofSeconds(1), now::get);
    private final Caller clerk = new Caller(UUID.randomUUID(), "clerk@marquee.test", "Clerk", Role.CLERK);

    @Test
    void aCallerIsRememberedForTheCacheTimeOnly() {
        cache.put("token", clerk, Duration.ofHours(12));
        now.addAndGet(Duration.ofMillis(999).toNanos());
        assertEquals(Optional.of(clerk), cache.get("token"));
        now.addAndGet(Duration.ofMillis(2).toNanos());
        assertTrue(cache.get("token").isEmpty());
    }

    @Test
    void aSessionEndingSoonerIsNotRememberedPastItsEnd() {
        cache.put("token", clerk, Duration.ofMillis(100));
        now.addAndGet(Duration.ofMillis(101).toNanos());
        assertTrue(cache.get("token").isEmpty());
    }

    @Test
    void aSignOutForgetsAtOnce() {
        cache.put("token", clerk, Duration.ofHours(12));
        cache.forget("token");
        assertTrue(cache.get("token").isEmpty());
    }

    @Test
    void aZeroCacheTimeRemembersNothing() {
        SessionCache off = new SessionCache(Duration.ZERO, now::get);
        off.put("token", clerk, Duration.ofHours(12));
        assertTrue(off.get("token").isEmpty());
    }

    @Test
    void forgettingAllForgetsEveryone() {
        cache.put("one", clerk, Duration.ofHours(12));
        cache.put("two", clerk, Duration.ofHours(12));
        cache.forgetAll();
        assertTrue(cache.get("one").isEmpty());
        assertTrue(cache.get("two").isEmpty());
    }
}
