package dev.marquee.model.live;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.marquee.model.catalog.SeatAvailability;
import dev.marquee.model.catalog.TierAvailability;
import java.time.Instant;
import java.util.List;

/**
 * What the server pushes on {@code /ws}. A {@code snapshot} carries the show's whole availability (seats only for
 * seated shows); an {@code availability} message carries every tier but only the seats that changed, and the
 * moment the change committed. {@code version} only grows.
 */
@JsonPropertyOrder({"type", "showId", "version", "committedAt", "tiers", "seats"})
public record AvailabilityMessage(String type, long showId, long version, Instant committedAt,
                                  List<TierAvailability> tiers, List<SeatAvailability> seats) {

    public static final String SNAPSHOT = "snapshot";
    public static final String AVAILABILITY = "availability";
}
