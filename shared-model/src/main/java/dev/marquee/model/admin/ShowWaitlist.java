package dev.marquee.model.admin;

import java.util.List;

/**
 * A show's waiting list as its administrator reads it: every tier with the list's length (zeros included), and the
 * entries still waiting or holding an offer, in the order they will be served.
 */
public record ShowWaitlist(long showId, List<WaitlistTierLength> tiers, List<WaitlistAdminEntry> entries) {
}
