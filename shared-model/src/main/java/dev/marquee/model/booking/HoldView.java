package dev.marquee.model.booking;

import java.time.Instant;
import java.util.List;

public record HoldView(String id, long showId, HoldStatus status, Instant expiresAt, List<HoldItem> items,
                       List<HeldSeat> seats, long totalCents) {
}
