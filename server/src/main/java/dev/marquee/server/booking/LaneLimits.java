package dev.marquee.server.booking;

/**
 * Bounds of a booking lane: at most {@code maxBatch} requests share one transaction, and a request that finds
 * {@code maxQueue} others already waiting for its show is refused at once (429) rather than left to time out.
 */
public record LaneLimits(int maxBatch, int maxQueue) {
}
