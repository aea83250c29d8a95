package dev.marquee.server.error;

import dev.marquee.model.error.ErrorCode;
import java.util.Map;

/**
 * A failure the caller can act on, answered in the contract's shape. Thrown by domain code, mapped to HTTP in
 * one place (the http package's {@code ErrorResponses}). {@link #keepChanges()} marks the rare failure whose
 * transaction must still commit (a hold found expired at checkout is expired for good, then 410 is answered).
 */
public class ApiException extends RuntimeException {

    private final ErrorCode code;
    private final Map<String, Object> details;
    private final boolean keepChanges;

    public ApiException(ErrorCode code, String message) {
        this(code, message, Map.of(), false);
    }

    public ApiException(ErrorCode code, String message, Map<String, Object> details) {
        this(code, message, details, false);
    }

    protected ApiException(ErrorCode code, String message, Map<String, Object> details, boolean keepChanges) {
        super(message, null, false, false);
        this.code = code;
        this.details = Map.copyOf(details);
        this.keepChanges = keepChanges;
    }

    /** The same failure, but the transaction it ends commits its changes before the answer is sent. */
    public ApiException keepingChanges() {
        return new ApiException(code, getMessage(), details, true);
    }

    public ErrorCode code() {
        return code;
    }

    public Map<String, Object> details() {
        return details;
    }

    public boolean keepChanges() {
        return keepChanges;
    }

    public static ApiException validation(String message) {
        return new ApiException(ErrorCode.VALIDATION_FAILED, message);
    }

    public static ApiException validation(String field, String message) {
        return new ApiException(ErrorCode.VALIDATION_FAILED, message, Map.of("field", field));
    }

    public static ApiException notFound(String message) {
        return new ApiException(ErrorCode.NOT_FOUND, message);
    }

    public static ApiException forbidden(String message) {
        return new ApiException(ErrorCode.FORBIDDEN, message);
    }

    public static ApiException unauthorized(String message) {
        return new ApiException(ErrorCode.UNAUTHORIZED, message);
    }

    public static ApiException unavailable(String message) {
        return new ApiException(ErrorCode.SERVICE_UNAVAILABLE, message);
    }
}
