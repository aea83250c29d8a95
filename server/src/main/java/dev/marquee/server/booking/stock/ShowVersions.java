package dev.marquee.server.booking.stock;

import dev.marquee.server.db.Pipeline;
import dev.marquee.server.db.Tx;
import io.helidon.dbclient.DbExecute;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * Marks a change to a show's inventory or sales. Every transaction that changes tiers, seats, prices, sales or
 * admissions calls {@link #bump} as its LAST statement: every booking of the show queues for this one row, so it is
 * held only from here to the commit. The global lock order is: an order row, its tickets, tiers by id, a hold row,
 * seats by seat id, then this bump; a transaction that follows it cannot deadlock with another that does.
 *
 * <p>The same statement queues a NOTIFY on {@value #CHANNEL}; PostgreSQL delivers it to every listening server
 * instance when, and only if, the transaction commits. The payload is {@code showId:version:epochMicros}.
 */
public final class ShowVersions {

    public static final String CHANNEL = "marquee_inventory";

    /**
     * Bumps every show whose id is in the one array parameter, locking their rows in id order (the global lock
     * order) and queueing one NOTIFY per show, in id order.
     */
    private static final String BUMP = """
            WITH locked AS (SELECT id FROM shows WHERE id = ANY(?) ORDER BY id FOR NO KEY UPDATE),
                 bumped AS (UPDATE shows s SET version = s.version + 1 FROM locked WHERE s.id = locked.id
                            RETURNING s.id, s.version)
            SELECT pg_notify('%s', id || ':' || version || ':'
                             || (extract(epoch FROM clock_timestamp()) * 1000000)::bigint)
            FROM bumped ORDER BY id""".formatted(CHANNEL);

    private ShowVersions() {
    }

    /** From now on the transaction's bumps wait for {@link Tx#runDeferred}, the batch's last statement. */
    public static void deferBumps(Tx tx) {
        tx.deferKeys(shows -> {
            Pipeline bumps = tx.pipeline();
            bumpAll(bumps, shows);
            bumps.run();
        });
    }

    /**
     * The same bump in a change that runs through DbClient (check-in), as its last statement. Its text stays here,
     * beside the lock order it belongs to, rather than among the named statements.
     */
    public static void bump(DbExecute db, long showId) {
        db.createQuery(BUMP).addParam(new Long[] {showId}).execute().close();
    }

    public static void bump(Tx tx, long showId) {
        if (tx.deferKey(showId)) {
            return;
        }
        Pipeline bump = tx.pipeline();
        bumpAll(bump, List.of(showId));
        bump.run();
    }

    /** Adds the show's bump to {@code writes}, or, in a batch that defers its bumps, leaves it to the batch's end. */
    public static void addBump(Tx tx, Pipeline writes, long showId) {
        if (!tx.deferKey(showId)) {
            bumpAll(writes, List.of(showId));
        }
    }

    /**
     * Adds one statement that bumps every show named, locking their rows in id order (the global lock order) and
     * queueing one NOTIFY per show, in id order: a batch's last statement, however many shows it sold. The lock is
     * the one an UPDATE of a non-key column takes (FOR NO KEY UPDATE), which does not conflict with the key-share
     * locks this transaction's and others' foreign keys (orders to their show) hold on the same rows;
     * FOR UPDATE would, and two sales of one show would deadlock.
     */
    public static void bumpAll(Pipeline writes, Collection<Long> showIds) {
        if (showIds.isEmpty()) {
            return;
        }
        writes.add(BUMP, writes.bigints(new TreeSet<>(showIds)));
    }
}
