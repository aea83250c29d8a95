package dev.marquee.model.booking;

public enum Channel {
    ONLINE, BOX_OFFICE
}
