package dev.marquee.model.booking;

public enum HoldStatus {
    ACTIVE, CHECKED_OUT, RELEASED, EXPIRED
}
