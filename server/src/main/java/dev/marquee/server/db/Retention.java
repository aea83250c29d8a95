package dev.marquee.server.db;

import dev.marquee.server.platform.BackgroundWork;
import dev.marquee.server.platform.Periodic;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Deletes what only grows and is no longer needed, by the rules the features that own the tables give (expired
 * sessions, sign-in attempts and sign-up buckets past their window, idempotency keys past their retention). Small
 * batches, each its own short transaction, taking only rows nobody has locked (SKIP LOCKED), so it never waits on a
 * booking nor makes one wait.
 */
public final class Retention implements BackgroundWork {

    /** One kind of row that expires: its table and the condition, with its parameters, that it has. */
    public record Rule(String table, String expired, Object... params) {
    }

    /** At most this many batches per table in one round; the next round goes on. */
    private static final int MAX_BATCHES_PER_ROUND = 20;

    private final Transactions transactions;
    private final int batchSize;
    private final List<Rule> rules;
    private final Consumer<Map.Entry<String, Integer>> deleted;
    private final Periodic rounds;

    /**
     * A sweep every {@code interval} of batches of at most {@code batchSize} rows; {@code deleted} hears each batch's
     * table and row count (for the metrics).
     */
    public Retention(Transactions transactions, Duration interval, int batchSize, List<Rule> rules,
                     Consumer<Map.Entry<String, Integer>> deleted) {
        this.transactions = transactions;
        this.batchSize = batchSize;
        this.rules = List.copyOf(rules);
        this.deleted = deleted;
        this.rounds = new Periodic("retention", interval, this::sweep);
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
                if (rows < batchSize) {
                    break;
                }
            }
        }
        return total;
    }

    private int deleteBatch(Rule rule) {
        Object[] params = new Object[rule.params().length + 1];
        System.arraycopy(rule.params(), 0, params, 0, rule.params().length);
        params[params.length - 1] = batchSize;
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
