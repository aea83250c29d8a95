package dev.marquee.server.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import dev.marquee.server.error.TooManyRequestsException;
import dev.marquee.server.platform.BackgroundWork;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * bcrypt with a per-password salt; long passphrases are pre-hashed rather than cut at 72 bytes. Every hash runs on
 * a few threads of its own with a short queue: sign-ins and sign-ups wait among themselves, a flood of them is
 * answered 429 once the queue is full, and the request threads that book tickets never spend a core on bcrypt.
 */
final class Passwords implements BackgroundWork {

    private static final BCrypt.Version VERSION = BCrypt.Version.VERSION_2A;

    private final int cost;
    private final String decoy;
    private final ThreadPoolExecutor hashing;

    Passwords(int cost, int threads, int queue) {
        this.cost = cost;
        this.decoy = hashNow("not-a-real-password");
        AtomicInteger count = new AtomicInteger();
        this.hashing = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue),
                work -> {
                    Thread thread = new Thread(work, "password-hashing-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    thread.setPriority(Thread.MIN_PRIORITY);
                    return thread;
                });
    }

    String hash(String password) {
        return onHashingThread(() -> hashNow(password));
    }

    boolean matches(String password, String hash) {
        return onHashingThread(() -> matchesNow(password, hash));
    }

    /** Spends the same time as a real check, so an unknown email cannot be told apart by timing. */
    boolean burnTime(String password) {
        onHashingThread(() -> matchesNow(password, decoy));
        return false;
    }

    @Override
    public void start() {
        hashing.prestartAllCoreThreads();
    }

    @Override
    public void stop(Duration grace) {
        hashing.shutdownNow();
    }

    private <T> T onHashingThread(Callable<T> work) {
        Future<T> result;
        try {
            result = hashing.submit(work);
        } catch (RejectedExecutionException full) {
            throw new TooManyRequestsException("Too many sign-ins at once. Please try again in a moment.",
                    Duration.ofSeconds(1));
        }
        try {
            return result.get();
        } catch (InterruptedException e) {
            result.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while checking a password", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("A password could not be checked", e.getCause());
        }
    }

    private String hashNow(String password) {
        return BCrypt.with(VERSION, LongPasswordStrategies.hashSha512(VERSION))
                .hashToString(cost, password.toCharArray());
    }

    private static boolean matchesNow(String password, String hash) {
        return BCrypt.verifyer(VERSION, LongPasswordStrategies.hashSha512(VERSION))
                .verify(password.toCharArray(), hash.toCharArray()).verified;
    }
}
