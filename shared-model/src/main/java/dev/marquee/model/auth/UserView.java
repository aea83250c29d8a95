package dev.marquee.model.auth;

public record UserView(String id, String email, String displayName, Role role) {
}
