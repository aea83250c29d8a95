package dev.marquee.server.booking.stock;

import java.util.List;

/** What one hold or sale took from a show: quantities per tier at their current prices, and any seats. */
public record Allocation(long showId, List<Line> lines, List<PickedSeat> seats) {

    public record Line(long tierId, String tierName, int quantity, int unitPriceCents) {
    }

    public record PickedSeat(long seatId, long tierId, String label) {
    }

    public long totalCents() {
        return lines.stream().mapToLong(line -> (long) line.quantity() * line.unitPriceCents()).sum();
    }

    public int tickets() {
        return lines.stream().mapToInt(Line::quantity).sum();
    }

    public List<Long> seatIds() {
        return seats.stream().map(PickedSeat::seatId).toList();
    }
}
