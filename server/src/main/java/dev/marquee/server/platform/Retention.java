package dev.marquee.server.platform;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Deletes what only grows and is no longer needed: expired sessions, sign-in attempts and sign-up buckets past
 * their window, idempotency keys past their retention. Small batches, each its own short transaction, taking only
 * rows nobody has locked (SKIP LOCKED), so it never waits on a booking nor makes one wait.
 */
public final class Retention implements BackgroundWork {

    /** One kind of row that expires: its table and the condition, with its parameters, that it has. */
    record Rule(String table, String expired, Object... params) {
    }

    /** At most this many batches per table in one round; the next round goes on. */
    private static final int MAX_BATCHES_PER_ROUND = 20;

    private final Transactions transactions;
    private final Settings.Retention settings;
    private final List<Rule> rules;
    private final Consumer<Map.Entry<String, Integer>> deleted;
    private final Periodic rounds;

    /** {@code deleted} hears each batch's table and row count (for the metrics). */
    public Retention(Transactions transactions, Settings settings, Consumer<Map.Entry<String, Integer>> deleted) {
        this.transactions = transactions;
        this.settings = settings.retention();
        this.deleted = deleted;
        Settings.SignIn signIn = settings.signIn();
        double bucketRefillSeconds = signIn.signupsPerHour() <= 0 ? 365 * 86_400.0
                : signIn.signupBurst() * 3600.0 / signIn.signupsPerHour();
        this.rules = List.of(
                new Rule("sessions", "expires_at < now()"),
                new Rule("sign_in_attempts", "last_attempt < now() - make_interval(secs => ?)",
                        (double) Math.max(signIn.window().toSeconds(), 3600)),
                // A bucket untouched for as long as it takes to refill is full: the same as no row.
                new Rule("signup_buckets", "counted_at < now() - make_interval(secs => ?)", bucketRefillSeconds),
                new Rule("idempotency_keys", "created_at < now() - make_interval(secs => ?)",
                        (double) this.settings.idempotencyKeys().toSeconds()));
        this.rounds = new Periodic("retention", this.settings.interval(), this::sweep);
    }

    /** One round over every table; answers the rows deleted. */
    public int sweep() {
        int total = 0;
        for (Rule rule : rules) {
            for (int batch = 0; batch < MAX_BATCHES_PER_ROUND; batch++) {
                int rows = deleteBatch(rule);
                total += rows;
                if (rows > 0) {
                    deleted.accept(Map.entry(rule.table(), rows));
                }
                if (rows < settings.batchSize()) {
                    break;
                }
            }
        }
        return total;
    }

    private int deleteBatch(Rule rule) {
        Object[] params = new Object[rule.params().length + 1];
        System.arraycopy(rule.params(), 0, params, 0, rule.params().length);
        params[params.length - 1] = settings.batchSize();
        return transactions.inTransaction(tx -> tx.update("DELETE FROM " + rule.table() + " WHERE ctid = ANY(ARRAY("
                + "SELECT ctid FROM " + rule.table() + " WHERE " + rule.expired()
                + " LIMIT ? FOR UPDATE SKIP LOCKED))", params));
    }

    @Override
    public void start() {
        rounds.start();
    }

    @Override
    public void stop(Duration grace) {
        rounds.stop(grace);
    }
}
