package dev.marquee.server.booking;

import java.time.Duration;

/**
 * Bounds of a booking lane: at most {@code maxBatch} requests share one transaction, and a request is refused at
 * once (429) rather than left to time out when it finds {@code maxQueue} others already waiting for its show, or
 * the one at the head of the line waiting longer than {@code maxWait} (the queue is draining slower than it fills).
 * A batch of fewer than {@code maxBatch} waits until its first request is {@code linger} old, so that the requests
 * arriving meanwhile share its transaction.
 */
public record LaneLimits(int maxBatch, int maxQueue, Duration maxWait, Duration linger) {
}
