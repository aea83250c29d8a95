package dev.marquee.model.admin;

import dev.marquee.model.catalog.WaitingRoom;
import java.time.Instant;

/**
 * The show settings an admin may change; absent fields stay as they are. On the wire {@code onSaleAt} and
 * {@code maxTicketsPerAccount} may also be sent as null (no scheduled opening, no limit), which this record cannot
 * tell from absent: a client that clears one sends a map (see the desktop client's AdminApi).
 */
public record ShowPatch(Boolean onSale, WaitingRoom waitingRoom, Instant onSaleAt, Integer maxTicketsPerAccount) {

    public static ShowPatch onSale(boolean onSale) {
        return new ShowPatch(onSale, null, null, null);
    }
}
