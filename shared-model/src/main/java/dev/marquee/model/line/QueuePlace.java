package dev.marquee.model.line;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;

/**
 * A fan's place in a show's line. {@code number} and {@code position} are null until the draw numbers a place
 * taken before the show opened; {@code position} is {@code number - nowServing} while waiting and 0 once admitted.
 * {@code estimatedWaitSeconds} is null while the line has no pace to go by yet.
 */
@JsonPropertyOrder({"showId", "number", "state", "position", "estimatedWaitSeconds", "admittedUntil"})
public record QueuePlace(long showId,
                         @JsonInclude(JsonInclude.Include.ALWAYS) Long number,
                         PlaceState state,
                         @JsonInclude(JsonInclude.Include.ALWAYS) Long position,
                         @JsonInclude(JsonInclude.Include.ALWAYS) Long estimatedWaitSeconds,
                         Instant admittedUntil) {
}
