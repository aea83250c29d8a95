package dev.marquee.model.catalog;

/** One seat of a seated show; tierId is null for a seat that belongs to no tier. */
public record SeatAvailability(long seatId, String label, String section, int row, int number, Long tierId,
                               SeatStatus status) {
}
