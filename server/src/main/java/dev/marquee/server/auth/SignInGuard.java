package dev.marquee.server.auth;

import dev.marquee.server.Settings;
import dev.marquee.server.db.Row;
import dev.marquee.server.db.Statements;
import dev.marquee.server.error.TooManyRequestsException;
import io.helidon.dbclient.DbExecute;
import java.time.Duration;
import java.time.Instant;

/**
 * Slows password guessing without letting anyone lock an owner out (the policy is in docs/api.md, "Sign-in
 * limits"). Each attempt is reserved, under the row locks of its email and its client address, before its
 * password is checked: parallel guesses queue on those locks and each sees the ones before it as pending.
 * <ul>
 *   <li>An email with {@code accountFreeFailures} recent failures (or that many attempts in flight) makes further
 *       attempts wait 5 s, doubling up to {@code accountMaxDelay}: except one attempt a second from a clean
 *       address (no recent failure, nothing in flight), so the owner signs in wherever the guesser is not.</li>
 *   <li>An address with {@code addressFreeFailures} recent failures, over any emails, waits 1 s, doubling up to
 *       {@code addressMaxDelay}.</li>
 *   <li>A window of quiet forgives either; a correct password forgives its email.</li>
 * </ul>
 */
final class SignInGuard {

    private static final Duration ACCOUNT_FIRST_DELAY = Duration.ofSeconds(5);
    private static final Duration ADDRESS_FIRST_DELAY = Duration.ofSeconds(1);
    private static final Duration BYPASS_INTERVAL = Duration.ofSeconds(1);
    /** A reservation older than this belongs to a check that never finished (a crash); it no longer counts. */
    private static final Duration STALE_PENDING = Duration.ofMinutes(1);

    /** An attempt allowed to check its password; {@link #finish} must follow, whatever happens. */
    record Attempt(String emailSubject, String addressSubject) {
    }

    enum Outcome { SUCCEEDED, FAILED, UNCHECKED }

    private record Counts(int failures, int pending, Instant lastFailure, Instant bypassedAt, Instant now) {

        Duration wait(int free, Duration first, Duration max) {
            if (failures < free) {
                return Duration.ZERO;
            }
            int doublings = Math.min(30, failures - free);
            Duration delay = first.multipliedBy(1L << doublings);
            delay = delay.compareTo(max) > 0 ? max : delay;
            Duration left = Duration.between(now, lastFailure.plus(delay));
            return left.isNegative() ? Duration.ZERO : left;
        }
    }

    private final Statements statements;
    private final Settings.SignIn limits;

    SignInGuard(Statements statements, Settings.SignIn limits) {
        this.statements = statements;
        this.limits = limits;
    }

    /** Reserves an attempt for this email from this address, or answers 429 with how long to wait. */
    Attempt reserve(String email, String address) {
        Attempt attempt = new Attempt("email:" + email, "address:" + address);
        return statements.transaction(db -> {
            // Always the email's row first, then the address's: one lock order for every sign-in.
            Counts forEmail = lock(db, attempt.emailSubject());
            Counts fromAddress = lock(db, attempt.addressSubject());
            Duration addressWait = fromAddress.wait(limits.addressFreeFailures(), ADDRESS_FIRST_DELAY,
                    limits.addressMaxDelay());
            if (!addressWait.isZero()) {
                throw refused("Too many failed sign-ins from this address. Please wait before trying again.",
                        addressWait);
            }
            Duration emailWait = forEmail.wait(limits.accountFreeFailures(), ACCOUNT_FIRST_DELAY,
                    limits.accountMaxDelay());
            // Past its free failures, an email has one attempt in flight at a time.
            boolean crowded = forEmail.pending() > 0
                    && forEmail.failures() + forEmail.pending() >= limits.accountFreeFailures();
            boolean bypass = false;
            if (!emailWait.isZero() || crowded) {
                boolean clean = fromAddress.failures() == 0 && fromAddress.pending() == 0;
                bypass = clean && (forEmail.bypassedAt() == null
                        || !forEmail.bypassedAt().plus(BYPASS_INTERVAL).isAfter(forEmail.now()));
                if (!bypass) {
                    throw refused("Too many failed sign-ins for this account. Please wait before trying again.",
                            emailWait.isZero() ? Duration.ofSeconds(1) : emailWait);
                }
            }
            db.createNamedUpdate("sign-in-reserve").addParam("subject", attempt.emailSubject())
                    .addParam("bypass", bypass).execute();
            db.createNamedUpdate("sign-in-reserve").addParam("subject", attempt.addressSubject())
                    .addParam("bypass", false).execute();
            return attempt;
        });
    }

    /** Records how a reserved attempt ended, in the caller's transaction. */
    void finish(DbExecute db, Attempt attempt, Outcome outcome) {
        boolean failed = outcome == Outcome.FAILED;
        // A correct password forgives its email, not the address it came from.
        db.createNamedUpdate("sign-in-finish").addParam("subject", attempt.emailSubject()).addParam("failed", failed)
                .addParam("forgiven", outcome == Outcome.SUCCEEDED).execute();
        db.createNamedUpdate("sign-in-finish").addParam("subject", attempt.addressSubject()).addParam("failed", failed)
                .addParam("forgiven", false).execute();
    }

    /** As {@link #finish}, in a transaction of its own. */
    void finish(Attempt attempt, Outcome outcome) {
        statements.transaction(db -> {
            finish(db, attempt, outcome);
            return null;
        });
    }

    /** Creates or locks the subject's row, forgetting failures older than the window and stale reservations. */
    private Counts lock(DbExecute db, String subject) {
        Row row = db.createNamedGet("sign-in-lock").addParam("subject", subject)
                .addParam("window", (double) limits.window().toSeconds())
                .addParam("stale", (double) STALE_PENDING.toSeconds()).execute().map(Row::of).orElseThrow();
        return new Counts((int) row.number("failures"), (int) row.number("pending"), row.instant("last_failure"),
                row.instant("bypassed_at"), row.instant("now"));
    }

    private static TooManyRequestsException refused(String message, Duration wait) {
        return new TooManyRequestsException(message, wait);
    }
}
