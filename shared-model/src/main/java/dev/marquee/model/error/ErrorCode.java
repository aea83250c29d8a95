package dev.marquee.model.error;


/** The contract's error codes and the HTTP status each one is answered with. */
public enum ErrorCode {
    VALIDATION_FAILED(400),
    UNAUTHORIZED(401),
    PAYMENT_DECLINED(402),
    FORBIDDEN(403),
    NOT_FOUND(404),
    INSUFFICIENT_INVENTORY(409),
    SEAT_UNAVAILABLE(409),
    NOT_ON_SALE(409),
    HOLD_NOT_ACTIVE(409),
    ALREADY_CHECKED_IN(409),
    SHIFT_CONFLICT(409),
    CAPACITY_BELOW_COMMITTED(409),
    IDEMPOTENCY_IN_PROGRESS(409),
    LIMIT_REACHED(409),
    QUEUE_REQUIRED(409),
    USER_EXISTS(409),
    VOUCHER_INVALID(409),
    HOLD_EXPIRED(410),
    PAYLOAD_TOO_LARGE(413),
    UNSUPPORTED_MEDIA_TYPE(415),
    IDEMPOTENCY_KEY_REUSED(422),
    TOO_MANY_REQUESTS(429),
    INTERNAL(500),
    SERVICE_UNAVAILABLE(503);

    private final int httpStatus;

    ErrorCode(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }

}
