package dev.marquee.server.booking;

import java.time.Duration;

/**
 * Bounds of a booking lane: at most {@code maxBatch} requests share one transaction, and a request is refused at
 * once (429) rather than left to time out when it finds {@code maxQueue} others already waiting for its show, or
 * the one at the head of the line waiting longer than {@code maxWait} (the queue is draining slower than it fills).
 */
public record LaneLimits(int maxBatch, int maxQueue, Duration maxWait) {
}
