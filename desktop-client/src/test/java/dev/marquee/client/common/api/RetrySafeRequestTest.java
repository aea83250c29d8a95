package dev.marquee.client.common.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marquee.client.common.Fixtures;
import dev.marquee.model.error.ErrorBody;
import dev.marquee.model.error.ErrorCode;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetrySafeRequestTest {

    private final RetrySafeRequest<String> attempt = Fixtures.countingKeys();

    @Test
    void lostAnswerKeepsKeyAndRequestForTheRetry() {
        attempt.start("sell 2");
        attempt.finish(new ServerUnreachableException("gone", null));

        RetrySafeRequest.Attempt<String> retry = attempt.start("sell 3");

        assertEquals(new RetrySafeRequest.Attempt<>("sell 2", "k-1"), retry);
    }

    @Test
    void serverErrorAndInProgressAlsoKeepTheKey() {
        attempt.start("sell 2");
        attempt.finish(api(500, ErrorCode.INTERNAL));
        attempt.start("sell 2");
        attempt.finish(api(409, ErrorCode.IDEMPOTENCY_IN_PROGRESS));

        assertEquals("k-1", attempt.start("sell 2").key());
    }

    @Test
    void definiteAnswerEndsTheAttemptAndTheNextGetsANewKey() {
        attempt.start("sell 2");
        attempt.finish(null);
        assertEquals("k-2", attempt.start("sell 2").key());

        attempt.finish(api(409, ErrorCode.INSUFFICIENT_INVENTORY));
        assertEquals(Optional.empty(), attempt.unsettled());
        assertEquals("k-3", attempt.start("sell 1").key());
    }

    @Test
    void abandonForgetsAnUnsettledAttempt() {
        attempt.start("sell 2");
        attempt.finish(new ServerUnreachableException("gone", null));

        attempt.abandon();

        assertTrue(attempt.unsettled().isEmpty());
        assertEquals("k-2", attempt.start("sell 2").key());
    }

    private static ApiException api(int status, ErrorCode code) {
        return new ApiException(status, new ErrorBody(code, "No.", Map.of()));
    }
}
