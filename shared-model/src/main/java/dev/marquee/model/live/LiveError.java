package dev.marquee.model.live;

/** The answer to a message the server could not act on: {@code {"type":"error","error":CODE,"message":...}}. */
public record LiveError(String type, String error, String message) {

    public static LiveError of(String error, String message) {
        return new LiveError("error", error, message);
    }
}
