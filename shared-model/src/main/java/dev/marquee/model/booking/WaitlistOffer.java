package dev.marquee.model.booking;

import java.time.Instant;

/** The hold set aside for a waiting-list entry, to check out before it expires. */
public record WaitlistOffer(String holdId, Instant expiresAt) {
}
