package dev.marquee.model.booking;

/** Joining a show's waiting list for a tier (v1.2): quantity 1 to 10. */
public record WaitlistRequest(Long tierId, Integer quantity) {
}
