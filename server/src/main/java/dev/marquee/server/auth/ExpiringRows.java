package dev.marquee.server.auth;

import dev.marquee.server.Settings;
import dev.marquee.server.db.Retention;
import java.util.List;

/** What the retention sweep deletes of the sign-in tables: rows that no longer limit or admit anyone. */
public final class ExpiringRows {

    private ExpiringRows() {
    }

    public static List<Retention.Rule> of(Settings.SignIn signIn) {
        double bucketRefillSeconds = signIn.signupsPerHour() <= 0 ? 365 * 86_400.0
                : signIn.signupBurst() * 3600.0 / signIn.signupsPerHour();
        return List.of(
                new Retention.Rule("sessions", "expires_at < now()"),
                new Retention.Rule("sign_in_attempts", "last_attempt < now() - make_interval(secs => ?)",
                        (double) Math.max(signIn.window().toSeconds(), 3600)),
                // A bucket untouched for as long as it takes to refill is full: the same as no row.
                new Retention.Rule("signup_buckets", "counted_at < now() - make_interval(secs => ?)",
                        bucketRefillSeconds));
    }
}
