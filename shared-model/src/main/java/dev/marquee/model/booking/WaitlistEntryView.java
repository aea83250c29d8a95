package dev.marquee.model.booking;

/**
 * A waiting-list entry (v1.2). {@code position} counts from 1 among the tier's waiting entries, 0 once the entry no
 * longer waits; {@code offer} is there while it is OFFERED.
 */
public record WaitlistEntryView(String id, long showId, long tierId, int quantity, WaitlistState state, int position,
                                WaitlistOffer offer) {
}
