package dev.marquee.bench;

/**
 * When each request of an open-model step is due: request {@code i} at {@code start + i / rate}, computed from
 * {@code i} each time so rounding never accumulates into drift, whatever the answers do.
 */
record RateSchedule(long startNanos, double perSecond, double seconds) {

    RateSchedule {
        if (perSecond <= 0 || seconds <= 0) {
            throw new IllegalArgumentException("rate and duration must be positive: " + perSecond + "/s, " + seconds + " s");
        }
    }

    /** How many requests the step offers. */
    long count() {
        return Math.round(perSecond * seconds);
    }

    /** The moment request {@code i} is meant to be sent; its latency counts from here. */
    long intendedNanos(long i) {
        return startNanos + (long) (i * 1e9 / perSecond);
    }
}
