package dev.marquee.model.live;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Pushed on {@code /ws} to a show's subscribers whenever its line moves: every fan in line works out their own
 * position as {@code number - nowServing}. The fields after {@code soldOut} are Marquee's (see LineStatus).
 */
@JsonPropertyOrder({"type", "showId", "nowServing", "waiting", "estimatedWaitSeconds", "soldOut"})
public record QueueMessage(String type, long showId, long nowServing, long waiting,
                           @JsonInclude(JsonInclude.Include.ALWAYS) Long estimatedWaitSeconds, boolean soldOut,
                           boolean engaged, long awaitingDraw, long admittedLastMinute, boolean onlyHeldLeft) {

    public static final String QUEUE = "queue";
}
