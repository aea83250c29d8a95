package dev.marquee.model.admin;

import java.util.List;

public record SeatBlockRequest(List<Long> seatIds, String reason) {
}
