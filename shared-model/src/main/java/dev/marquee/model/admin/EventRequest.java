package dev.marquee.model.admin;

public record EventRequest(String title, String description) {
}
