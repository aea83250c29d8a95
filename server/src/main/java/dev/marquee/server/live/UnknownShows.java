package dev.marquee.server.live;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Show ids a subscription found missing, remembered for a few seconds, so a client asking again and again for
 * shows that do not exist costs no database reads. A show created meanwhile is found once the memory lapses.
 */
final class UnknownShows {

    static final Duration REMEMBERED = Duration.ofSeconds(10);
    /** Beyond this many remembered ids, everything is forgotten at once: memory stays bounded whatever is asked. */
    static final int MAX_REMEMBERED = 10_000;

    private final Map<Long, Long> missingSince = new ConcurrentHashMap<>();
    private final LongSupplier nanoClock;

    UnknownShows(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    void missing(long showId) {
        if (missingSince.size() >= MAX_REMEMBERED) {
            missingSince.clear();
        }
        missingSince.put(showId, nanoClock.getAsLong());
    }

    boolean recentlyMissing(long showId) {
        Long since = missingSince.get(showId);
        if (since == null) {
            return false;
        }
        if (nanoClock.getAsLong() - since > REMEMBERED.toNanos()) {
            missingSince.remove(showId, since);
            return false;
        }
        return true;
    }
}
