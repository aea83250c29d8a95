package dev.marquee.model.booking;

public record HeldSeat(long seatId, String label) {
}
