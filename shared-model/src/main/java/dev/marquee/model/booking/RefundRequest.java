package dev.marquee.model.booking;

import java.util.List;

/** ticketIds null means every ticket still valid. */
public record RefundRequest(List<String> ticketIds) {
}
