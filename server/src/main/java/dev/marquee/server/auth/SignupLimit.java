package dev.marquee.server.auth;

import dev.marquee.server.Settings;
import dev.marquee.server.db.Row;
import dev.marquee.server.error.TooManyRequestsException;
import io.helidon.dbclient.DbExecute;
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

    void take(DbExecute db, String address) {
        double perSecond = limits.signupsPerHour() / 3600.0;
        boolean taken = db.createNamedGet("signup-take").addParam("address", address)
                .addParam("burst", (double) limits.signupBurst()).addParam("perSecond", perSecond).execute()
                .isPresent();
        if (!taken) {
            double tokens = db.createNamedGet("signup-tokens").addParam("address", address)
                    .addParam("perSecond", perSecond).execute().map(Row::of).orElseThrow().decimal("tokens");
            long waitMillis = perSecond <= 0 ? 3_600_000 : (long) Math.ceil((1 - tokens) / perSecond * 1000);
            throw new TooManyRequestsException("Too many sign-ups from this address. Please try again later.",
                    Duration.ofMillis(Math.max(1000, waitMillis)));
        }
    }
}
