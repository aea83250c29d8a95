package dev.marquee.model.line;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.marquee.model.catalog.WaitingRoom;
import java.time.Instant;

/**
 * A show's line as anyone may read it. The contract's fields come first; the rest are Marquee's: the setting,
 * the scheduled opening, how many places await its draw, admissions in the last minute, and whether what is left
 * is only tickets in other fans' baskets (held, and so may still come back).
 */
@JsonPropertyOrder({"showId", "engaged", "nowServing", "waiting", "estimatedWaitSeconds", "soldOut"})
public record LineStatus(long showId, boolean engaged, long nowServing, long waiting,
                         @JsonInclude(JsonInclude.Include.ALWAYS) Long estimatedWaitSeconds,
                         boolean soldOut, WaitingRoom waitingRoom,
                         @JsonInclude(JsonInclude.Include.ALWAYS) Instant onSaleAt,
                         long awaitingDraw, long admittedLastMinute, boolean onlyHeldLeft) {
}
