package dev.marquee.model.error;

import java.util.Map;

/** Every non-2xx answer: {"error": CODE, "message": "...", "details": {...}}. */
public record ErrorBody(ErrorCode error, String message, Map<String, Object> details) {
}
