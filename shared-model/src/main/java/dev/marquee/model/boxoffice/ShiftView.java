package dev.marquee.model.boxoffice;

import java.time.Instant;

/** A shift just opened. */
public record ShiftView(String id, Instant openedAt, long openingFloatCents) {
}
