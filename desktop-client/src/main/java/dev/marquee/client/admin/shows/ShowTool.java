package dev.marquee.client.admin.shows;

import dev.marquee.model.catalog.Availability;
import dev.marquee.model.live.QueueMessage;

/**
 * A part of the admin pane that works on the show picked in the show list (tiers, seats, report, audit).
 * Its methods are called on the FX thread.
 */
public interface ShowTool {

    /** The administrator picked this show; null when none is picked (the list is empty). */
    void showPicked(ShowRow show);

    /** A live push for one of the listed shows, the picked one or another; tools that show counts follow it. */
    default void applyAvailability(Availability availability) {
    }

    /** A move of a listed show's waiting line; tools that show the line follow it. */
    default void applyLine(QueueMessage line) {
    }
}
