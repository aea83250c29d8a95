package dev.marquee.model.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * One show as anyone may read it. {@code onSaleAt} (null: none) and {@code maxTicketsPerAccount} (null: no limit)
 * are always written, null included, since null means something for both.
 */
public record ShowDetail(long id, long eventId, String eventTitle, Instant startsAt, VenueRef venue,
                         SeatingMode seatingMode, boolean onSale, List<TierPrice> tiers, WaitingRoom waitingRoom,
                         @JsonInclude(JsonInclude.Include.ALWAYS) Instant onSaleAt,
                         @JsonInclude(JsonInclude.Include.ALWAYS) Integer maxTicketsPerAccount) {
}
