package dev.marquee.server.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marquee.model.auth.Role;
import dev.marquee.server.error.ApiException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
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

    @Test
    void requestsMissingAtOnceShareOneLookUp() throws Exception {
        AtomicInteger lookUps = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        List<Future<Caller>> answers = askTogether(16, release, () -> {
            lookUps.incrementAndGet();
            await(release);
            return new SessionCache.Found(clerk, Duration.ofHours(12));
        });
        for (Future<Caller> answer : answers) {
            assertEquals(clerk, answer.get(10, TimeUnit.SECONDS));
        }
        assertEquals(1, lookUps.get());
        assertEquals(Optional.of(clerk), cache.get("token"));
    }

    @Test
    void everyoneWaitingHearsTheLookUpsFailureAndNothingIsRemembered() throws Exception {
        ApiException expired = ApiException.unauthorized("Your session is not valid or has expired.");
        CountDownLatch release = new CountDownLatch(1);
        List<Future<Caller>> answers = askTogether(8, release, () -> {
            await(release);
            throw expired;
        });
        for (Future<Caller> answer : answers) {
            ExecutionException failure = assertThrows(ExecutionException.class,
                    () -> answer.get(10, TimeUnit.SECONDS));
            assertSame(expired, failure.getCause());
        }
        assertTrue(cache.get("token").isEmpty());
    }

    @Test
    void aSignOutHeardDuringTheLookUpKeepsItsAnswerFromBeingRemembered() {
        Caller answered = cache.caller("token", () -> {
            cache.forget("token");
            return new SessionCache.Found(clerk, Duration.ofHours(12));
        });
        assertEquals(clerk, answered);
        assertTrue(cache.get("token").isEmpty());
    }

    @Test
    void aRememberedCallerNeedsNoLookUp() {
        cache.put("token", clerk, Duration.ofHours(12));
        assertEquals(clerk, cache.caller("token", () -> {
            throw new AssertionError("looked up although remembered");
        }));
    }

    /**
     * Asks for the token's caller from {@code count} threads at once, the look-up held until all of them have set
     * out to ask, then let go.
     */
    private List<Future<Caller>> askTogether(int count, CountDownLatch release, Supplier<SessionCache.Found> lookUp)
            throws InterruptedException {
        CountDownLatch asking = new CountDownLatch(count);
        List<Future<Caller>> answers = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(count)) {
            for (int i = 0; i < count; i++) {
                answers.add(threads.submit(() -> {
                    asking.countDown();
                    return cache.caller("token", lookUp);
                }));
            }
            // A thread that comes late finds the answer remembered or the failure repeated: the checks hold either way.
            assertTrue(asking.await(10, TimeUnit.SECONDS));
            release.countDown();
        }
        return answers;
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
