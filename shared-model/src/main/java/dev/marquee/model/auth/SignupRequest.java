package dev.marquee.model.auth;

public record SignupRequest(String email, String password, String displayName) {
}
