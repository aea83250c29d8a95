package dev.marquee.model.live;

import java.time.Instant;

/** A personal push (v1.2): one of the signed-in client's waiting-list entries was offered a hold. */
public record OfferMessage(String type, String entryId, long showId, String holdId, Instant expiresAt) {

    public static OfferMessage of(String entryId, long showId, String holdId, Instant expiresAt) {
        return new OfferMessage("offer", entryId, showId, holdId, expiresAt);
    }
}
