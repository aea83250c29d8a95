package dev.marquee.server.onsale;

import dev.marquee.model.line.PlaceState;
import dev.marquee.model.line.QueuePlace;
import java.time.Instant;
import java.util.UUID;

/** One account's place in one show's line, as stored. */
record Place(long showId, UUID userId, Long number, PlaceState state, Instant admittedAt, Instant admittedUntil) {

    static Place waiting(long showId, UUID userId, Long number) {
        return new Place(showId, userId, number, PlaceState.WAITING, null, null);
    }

    static Place admitted(long showId, UUID userId, long number, Instant now, Instant until) {
        return new Place(showId, userId, number, PlaceState.ADMITTED, now, until);
    }

    static Place soldOut(long showId, UUID userId, long number) {
        return new Place(showId, userId, number, PlaceState.SOLD_OUT, null, null);
    }

    /**
     * A place that a repeated join answers as it is: waiting, admitted and still within its window, or told the show
     * sold out while it still is. Anything else has ended, and a join renews it at the back of the line.
     */
    boolean live(Line line) {
        return switch (state) {
            case WAITING -> true;
            case ADMITTED -> admittedUntil.isAfter(line.now);
            case SOLD_OUT -> line.soldOut;
            case EXPIRED, LEFT -> false;
        };
    }

    /** The place as its fan reads it: the position and the wait follow from the line's {@code nowServing}. */
    QueuePlace view(Line line) {
        Long position = switch (state) {
            case WAITING -> number == null ? null : Math.max(1, number - line.nowServing);
            case ADMITTED -> 0L;
            case EXPIRED, SOLD_OUT, LEFT -> null;
        };
        Long wait = switch (state) {
            case WAITING -> position == null ? null : line.estimatedWaitSeconds(position);
            case ADMITTED -> 0L;
            case EXPIRED, SOLD_OUT, LEFT -> null;
        };
        return new QueuePlace(showId, number, state, position, wait,
                state == PlaceState.ADMITTED ? admittedUntil : null);
    }
}
