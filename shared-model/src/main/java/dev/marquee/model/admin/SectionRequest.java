package dev.marquee.model.admin;

public record SectionRequest(String name, Integer rows, Integer seatsPerRow) {
}
