package dev.marquee.server.booking;

import java.util.List;

/** What one hold or sale took from a show: quantities per tier at their current prices, and any seats. */
record Allocation(long showId, List<Line> lines, List<PickedSeat> seats) {

    record Line(long tierId, String tierName, int quantity, int unitPriceCents) {
    }

    record PickedSeat(long seatId, long tierId, String label) {
    }

    long totalCents() {
        return lines.stream().mapToLong(line -> (long) line.quantity() * line.unitPriceCents()).sum();
    }

    int tickets() {
        return lines.stream().mapToInt(Line::quantity).sum();
    }

    List<Long> seatIds() {
        return seats.stream().map(PickedSeat::seatId).toList();
    }
}
