package dev.marquee.server.auth;

import dev.marquee.server.Settings;
import dev.marquee.server.db.Transactions;
import dev.marquee.server.db.Tx;
import dev.marquee.server.error.TooManyRequestsException;
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

    private final Transactions transactions;
    private final Settings.SignIn limits;

    SignInGuard(Transactions transactions, Settings.SignIn limits) {
        this.transactions = transactions;
        this.limits = limits;
    }

    /** Reserves an attempt for this email from this address, or answers 429 with how long to wait. */
    Attempt reserve(String email, String address) {
        Attempt attempt = new Attempt("email:" + email, "address:" + address);
        return transactions.inTransaction(tx -> {
            // Always the email's row first, then the address's: one lock order for every sign-in.
            Counts forEmail = lock(tx, attempt.emailSubject());
            Counts fromAddress = lock(tx, attempt.addressSubject());
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
            tx.update("""
                    UPDATE sign_in_attempts SET pending = pending + 1, last_attempt = now(),
                        bypassed_at = CASE WHEN ? THEN now() ELSE bypassed_at END
                    WHERE subject = ?""", bypass, attempt.emailSubject());
            tx.update("UPDATE sign_in_attempts SET pending = pending + 1, last_attempt = now() WHERE subject = ?",
                    attempt.addressSubject());
            return attempt;
        });
    }

    /** Records how a reserved attempt ended, in the caller's transaction. */
    void finish(Tx tx, Attempt attempt, Outcome outcome) {
        String failed = outcome == Outcome.FAILED
                ? "failures = failures + 1, last_failure = now(),"
                : "";
        String forgiven = outcome == Outcome.SUCCEEDED ? "failures = 0," : "";
        tx.update("UPDATE sign_in_attempts SET " + failed + forgiven + " pending = GREATEST(pending - 1, 0)"
                + " WHERE subject = ?", attempt.emailSubject());
        tx.update("UPDATE sign_in_attempts SET " + failed + " pending = GREATEST(pending - 1, 0)"
                + " WHERE subject = ?", attempt.addressSubject());
    }

    /** As {@link #finish}, in a transaction of its own. */
    void finish(Attempt attempt, Outcome outcome) {
        transactions.inTransaction(tx -> {
            finish(tx, attempt, outcome);
            return null;
        });
    }

    /** Creates or locks the subject's row, forgetting failures older than the window and stale reservations. */
    private Counts lock(Tx tx, String subject) {
        return tx.one("""
                INSERT INTO sign_in_attempts AS a (subject) VALUES (?)
                ON CONFLICT (subject) DO UPDATE SET
                    failures = CASE WHEN a.last_failure < now() - make_interval(secs => ?) THEN 0 ELSE a.failures END,
                    pending = CASE WHEN a.last_attempt < now() - make_interval(secs => ?) THEN 0 ELSE a.pending END
                RETURNING failures, pending, last_failure, bypassed_at, now() AS now""",
                row -> new Counts(row.getInt("failures"), row.getInt("pending"), Tx.instant(row, "last_failure"),
                        Tx.instant(row, "bypassed_at"), Tx.instant(row, "now")),
                subject, (double) limits.window().toSeconds(), (double) STALE_PENDING.toSeconds());
    }

    private static TooManyRequestsException refused(String message, Duration wait) {
        return new TooManyRequestsException(message, wait);
    }
}
