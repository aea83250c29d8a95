package dev.marquee.client.common.api;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The Idempotency-Key of one attempt at a request that must never run twice (a sale, a hold, a checkout).
 * The key is made when the attempt starts and is kept, together with the exact request, while the outcome is
 * unknown (no answer, a 5xx, "still in progress"), so the retry is the same request under the same key and the
 * server answers it at most once. A definite answer ends the attempt; the next request gets a new key.
 */
public final class RetrySafeRequest<R> {

    private final Supplier<String> newKey;
    private R request;
    private String key;

    public RetrySafeRequest(Supplier<String> newKey) {
        this.newKey = newKey;
    }

    public static <R> RetrySafeRequest<R> withRandomKeys() {
        return new RetrySafeRequest<>(() -> UUID.randomUUID().toString());
    }

    /** Starts an attempt at this request, unless one with an unknown outcome is waiting to be retried. */
    public Attempt<R> start(R fresh) {
        if (request == null) {
            request = fresh;
            key = newKey.get();
        }
        return new Attempt<>(request, key);
    }

    /** The request whose outcome is not known yet: a retry must send exactly this. */
    public Optional<R> unsettled() {
        return Optional.ofNullable(request);
    }

    /** Looks at how the attempt ended: the key is kept only while the server may have done it or may still do it. */
    public void finish(Exception failure) {
        if (failure == null || !Failures.outcomeUnknown(failure)) {
            abandon();
        }
    }

    /** Forgets the attempt even though its outcome is unknown: the person chose to start over. */
    public void abandon() {
        request = null;
        key = null;
    }

    public record Attempt<R>(R request, String key) {
    }
}
