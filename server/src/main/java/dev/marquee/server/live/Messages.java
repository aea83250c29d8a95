package dev.marquee.server.live;

import dev.marquee.model.catalog.Availability;
import dev.marquee.model.catalog.SeatAvailability;
import dev.marquee.model.catalog.TierAvailability;
import dev.marquee.model.live.AvailabilityMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Building live messages, and folding a newer one into an older one that has not been sent yet. */
final class Messages {

    private Messages() {
    }

    static AvailabilityMessage snapshot(Availability availability) {
        return new AvailabilityMessage(AvailabilityMessage.SNAPSHOT, availability.showId(), availability.version(),
                null, availability.tiers(), availability.seats());
    }

    /** All tiers, and only the seats whose state differs from {@code before} (null: nothing known yet). */
    static AvailabilityMessage change(Availability now, Map<Long, SeatAvailability> before, Instant committedAt) {
        List<SeatAvailability> changed = new ArrayList<>();
        if (now.seats() != null) {
            for (SeatAvailability seat : now.seats()) {
                if (before == null || !seat.equals(before.get(seat.seatId()))) {
                    changed.add(seat);
                }
            }
        }
        return new AvailabilityMessage(AvailabilityMessage.AVAILABILITY, now.showId(), now.version(), committedAt,
                now.tiers(), changed);
    }

    /**
     * The message as a fan may see it: hidden tiers, and their seats, left out (they are not listed to fans). The
     * same message when the show has none, so most shows' messages are shared by every watcher.
     */
    static AvailabilityMessage forFans(AvailabilityMessage message) {
        if (message.tiers() == null || message.tiers().stream().noneMatch(tier -> tier.hidden() != null)) {
            return message;
        }
        Set<Long> hidden = message.tiers().stream().filter(tier -> tier.hidden() != null)
                .map(TierAvailability::tierId).collect(Collectors.toSet());
        return new AvailabilityMessage(message.type(), message.showId(), message.version(), message.committedAt(),
                message.tiers().stream().filter(tier -> !hidden.contains(tier.tierId())).toList(),
                message.seats() == null ? null
                        : message.seats().stream().filter(seat -> !hidden.contains(seat.tierId())).toList());
    }

    static Map<Long, SeatAvailability> seatsById(Availability availability) {
        Map<Long, SeatAvailability> seats = new LinkedHashMap<>();
        if (availability.seats() != null) {
            availability.seats().forEach(seat -> seats.put(seat.seatId(), seat));
        }
        return seats;
    }

    /**
     * One message that says what both say, the newer winning. A snapshot absorbs later changes and stays a
     * snapshot; a later snapshot replaces whatever came before it; two changes merge their seats.
     */
    static AvailabilityMessage merge(AvailabilityMessage first, AvailabilityMessage second) {
        boolean secondIsNewer = second.version() >= first.version();
        AvailabilityMessage older = secondIsNewer ? first : second;
        AvailabilityMessage newer = secondIsNewer ? second : first;
        if (isSnapshot(newer)) {
            return newer;
        }
        Map<Long, SeatAvailability> seats = new LinkedHashMap<>();
        if (older.seats() != null) {
            older.seats().forEach(seat -> seats.put(seat.seatId(), seat));
        }
        newer.seats().forEach(seat -> seats.put(seat.seatId(), seat));
        Instant committedAt = newer.committedAt() != null ? newer.committedAt() : older.committedAt();
        List<SeatAvailability> merged = isSnapshot(older) && older.seats() == null ? null : List.copyOf(seats.values());
        return new AvailabilityMessage(older.type(), newer.showId(), newer.version(), committedAt, newer.tiers(),
                merged);
    }

    static boolean isSnapshot(AvailabilityMessage message) {
        return AvailabilityMessage.SNAPSHOT.equals(message.type());
    }
}
