package dev.marquee.client.admin;

import dev.marquee.model.catalog.Availability;

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
}
