package dev.marquee.server.booking.lanes;

import java.time.Duration;

/**
 * Bounds of a booking lane: at most {@code maxBatch} requests share one transaction, and a request is refused at
 * once (429) rather than left to time out when it finds {@code maxQueue} others already waiting for its show, or
 * so many that at the lane's pace it would wait longer than {@code maxWait} (the queue is draining slower than it
 * fills), or the lane stalled (see {@link BookingLane}).
 * A batch of fewer than {@code maxBatch} waits until its first request is {@code linger} old, so that the requests
 * arriving meanwhile share its transaction.
 */
public record LaneLimits(int maxBatch, int maxQueue, Duration maxWait, Duration linger) {
}
