package dev.marquee.server.booking.stock;

import dev.marquee.server.db.Tx;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The layouts of the venues best available picked in lately, read once each: a venue never changes once created,
 * so a layout is never stale. Holds a bounded number, dropping the one used longest ago.
 */
public final class VenueLayouts {

    private static final int MAX_VENUES = 32;

    private final Map<Long, VenueLayout> layouts = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, VenueLayout> eldest) {
            return size() > MAX_VENUES;
        }
    };

    /** The venue's layout, read in the caller's transaction the first time (outside the lock: two reads agree). */
    VenueLayout of(Tx tx, long venueId) {
        synchronized (layouts) {
            VenueLayout known = layouts.get(venueId);
            if (known != null) {
                return known;
            }
        }
        VenueLayout read = VenueLayout.read(tx, venueId);
        synchronized (layouts) {
            layouts.put(venueId, read);
        }
        return read;
    }
}
