package dev.marquee.server.booking.orders;

import dev.marquee.server.error.ApiException;

/**
 * How one sale is answered: a status and body (just decided, or replayed from its idempotency key), or a refusal
 * that is not remembered under the key (the key belongs to another request, or is still being worked on).
 */
public record SaleOutcome(int status, byte[] body, boolean replayed, ApiException refusal) {

    static SaleOutcome answer(SaleAnswers.Encoded answer) {
        return new SaleOutcome(answer.status(), answer.body(), false, null);
    }

    static SaleOutcome replay(int status, byte[] body) {
        return new SaleOutcome(status, body, true, null);
    }

    static SaleOutcome refused(ApiException refusal) {
        return new SaleOutcome(0, null, false, refusal);
    }

    /** The same outcome heard by a duplicate of the request: an answer becomes a replay. */
    SaleOutcome forDuplicate() {
        return refusal != null ? this : replay(status, body);
    }
}
