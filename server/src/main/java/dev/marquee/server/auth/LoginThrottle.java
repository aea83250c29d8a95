package dev.marquee.server.auth;

import dev.marquee.server.platform.TooManyRequestsException;
import dev.marquee.server.platform.Tx;
import java.time.Duration;

/**
 * Slows guessing: after {@value #FREE_FAILURES} failed sign-ins for one email (whether or not it belongs to
 * anyone), each further attempt must wait 5 s, doubling up to 5 minutes. Fifteen quiet minutes forgive.
 */
final class LoginThrottle {

    static final int FREE_FAILURES = 5;

    void check(Tx tx, String email) {
        tx.first("""
                SELECT GREATEST(0, EXTRACT(EPOCH FROM (last_failure + make_interval(secs => LEAST(300,
                           5 * power(2, failures - ?))) - now()))) AS wait_seconds
                FROM login_failures
                WHERE email = ? AND failures >= ? AND last_failure > now() - interval '15 minutes'""",
                row -> row.getDouble("wait_seconds"), FREE_FAILURES, email, FREE_FAILURES)
                .filter(wait -> wait > 0)
                .ifPresent(wait -> {
                    throw new TooManyRequestsException(
                            "Too many failed sign-ins for this account. Please wait before trying again.",
                            Duration.ofMillis((long) (wait * 1000)));
                });
    }

    void failed(Tx tx, String email) {
        tx.update("""
                INSERT INTO login_failures (email, failures, last_failure) VALUES (?, 1, now())
                ON CONFLICT (email) DO UPDATE SET
                    failures = CASE WHEN login_failures.last_failure < now() - interval '15 minutes' THEN 1
                                    ELSE login_failures.failures + 1 END,
                    last_failure = now()""", email);
    }

    void succeeded(Tx tx, String email) {
        tx.update("DELETE FROM login_failures WHERE email = ?", email);
    }
}
