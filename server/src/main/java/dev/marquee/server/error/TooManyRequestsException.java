package dev.marquee.server.error;

import dev.marquee.model.error.ErrorCode;
import java.time.Duration;
import java.util.Map;

/** 429 with the Retry-After the caller should honour. */
public final class TooManyRequestsException extends ApiException {

    private final Duration retryAfter;

    public TooManyRequestsException(String message, Duration retryAfter) {
        super(ErrorCode.TOO_MANY_REQUESTS, message, Map.of("retryAfterSeconds", seconds(retryAfter)), false);
        this.retryAfter = retryAfter;
    }

    public long retryAfterSeconds() {
        return seconds(retryAfter);
    }

    private static long seconds(Duration duration) {
        return Math.max(1, (duration.toMillis() + 999) / 1000);
    }
}
