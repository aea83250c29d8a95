package dev.marquee.model.catalog;

public record VenueRef(long id, String name, int capacity) {
}
