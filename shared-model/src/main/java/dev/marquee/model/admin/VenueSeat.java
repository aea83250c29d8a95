package dev.marquee.model.admin;

public record VenueSeat(long id, String section, int row, int number, String label) {
}
