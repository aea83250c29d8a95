package dev.marquee.model.admin;

import dev.marquee.model.booking.WaitlistOffer;
import dev.marquee.model.booking.WaitlistState;
import java.time.Instant;

/**
 * One waiting or offered entry, with its account's email. {@code position} counts from 1 among the tier's waiting
 * entries, 0 for an offered one; {@code offer} is there while it is OFFERED.
 */
public record WaitlistAdminEntry(String id, long tierId, String email, int quantity, WaitlistState state,
                                 int position, Instant joinedAt, WaitlistOffer offer) {
}
