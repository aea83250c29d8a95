package dev.marquee.model.booking;

/** Where a waiting-list entry stands. */
public enum WaitlistState {
    WAITING, OFFERED, FULFILLED, EXPIRED, LEFT
}
