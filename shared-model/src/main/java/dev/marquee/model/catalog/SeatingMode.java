package dev.marquee.model.catalog;

public enum SeatingMode {
    GA, SEATED
}
