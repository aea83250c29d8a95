package dev.marquee.server.live;

import java.util.function.LongSupplier;

/** One connection's allowance of show subscriptions: a token bucket, each show id asked for taking one token. */
final class SubscribeAllowance {

    private final double burst;
    private final double perNano;
    private final LongSupplier nanoClock;
    private double tokens;
    private long countedAt;

    SubscribeAllowance(int burst, int perSecond, LongSupplier nanoClock) {
        this.burst = burst;
        this.perNano = perSecond / 1e9;
        this.nanoClock = nanoClock;
        this.tokens = burst;
        this.countedAt = nanoClock.getAsLong();
    }

    /** Takes {@code shows} tokens if there are that many; otherwise takes none. */
    synchronized boolean take(int shows) {
        long now = nanoClock.getAsLong();
        tokens = Math.min(burst, tokens + (now - countedAt) * perNano);
        countedAt = now;
        if (tokens < shows) {
            return false;
        }
        tokens -= shows;
        return true;
    }
}
