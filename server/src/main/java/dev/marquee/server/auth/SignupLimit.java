package dev.marquee.server.auth;

import dev.marquee.server.Settings;
import dev.marquee.server.db.Tx;
import dev.marquee.server.error.TooManyRequestsException;
import java.time.Duration;

/**
 * Sign-ups per client address: a token bucket of {@code burst} tokens refilled at {@code perHour}, taken in one
 * statement under the address's row lock, so parallel sign-ups cannot overdraw it. Every sign-up that reaches the
 * database takes a token, one refused as {@code USER_EXISTS} too: probing which emails have accounts costs the same.
 */
final class SignupLimit {

    private final Settings.SignIn limits;

    SignupLimit(Settings.SignIn limits) {
        this.limits = limits;
    }

    void take(Tx tx, String address) {
        double perSecond = limits.signupsPerHour() / 3600.0;
        boolean taken = tx.first("""
                INSERT INTO signup_buckets AS b (address, tokens) VALUES (?, ? - 1)
                ON CONFLICT (address) DO UPDATE SET
                    tokens = LEAST(?, b.tokens + ? * EXTRACT(EPOCH FROM now() - b.counted_at)) - 1,
                    counted_at = now()
                WHERE LEAST(?, b.tokens + ? * EXTRACT(EPOCH FROM now() - b.counted_at)) >= 1
                RETURNING tokens""", row -> true, address, (double) limits.signupBurst(),
                (double) limits.signupBurst(), perSecond, (double) limits.signupBurst(), perSecond).isPresent();
        if (!taken) {
            double tokens = tx.one("SELECT tokens + ? * EXTRACT(EPOCH FROM now() - counted_at) AS tokens"
                    + " FROM signup_buckets WHERE address = ?", row -> row.getDouble("tokens"), perSecond, address);
            long waitMillis = perSecond <= 0 ? 3_600_000 : (long) Math.ceil((1 - tokens) / perSecond * 1000);
            throw new TooManyRequestsException("Too many sign-ups from this address. Please try again later.",
                    Duration.ofMillis(Math.max(1000, waitMillis)));
        }
    }
}
