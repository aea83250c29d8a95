package dev.marquee.model.live;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;

/**
 * Pushed on {@code /ws} to a show's subscribers whenever its line moves: every fan in line works out their own
 * position as {@code number - nowServing}. The fields after {@code soldOut} are Marquee's (see LineStatus), and
 * {@code movedAt}: the earliest move this message reports, as the database's clock had it (absent when unknown).
 */
@JsonPropertyOrder({"type", "showId", "nowServing", "waiting", "estimatedWaitSeconds", "soldOut"})
public record QueueMessage(String type, long showId, long nowServing, long waiting,
                           @JsonInclude(JsonInclude.Include.ALWAYS) Long estimatedWaitSeconds, boolean soldOut,
                           boolean engaged, long awaitingDraw, long admittedLastMinute, boolean onlyHeldLeft,
                           Instant movedAt) {

    public static final String QUEUE = "queue";
}
