package dev.marquee.server.booking.holds;

import dev.marquee.model.booking.HoldStatus;
import dev.marquee.server.db.Pipeline;
import java.util.UUID;

/** Told, in the transaction that ends it, how a hold ended: the waiting list follows its offers' holds. */
@FunctionalInterface
public interface HoldEnds {

    HoldEnds NONE = (writes, holdId, outcome) -> { };

    /** Adds to {@code writes} what follows from the hold's end (checked out, released or expired). */
    void addEnded(Pipeline writes, UUID holdId, HoldStatus outcome);
}
