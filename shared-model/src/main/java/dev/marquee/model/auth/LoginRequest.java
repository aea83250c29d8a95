package dev.marquee.model.auth;

public record LoginRequest(String email, String password) {
}
