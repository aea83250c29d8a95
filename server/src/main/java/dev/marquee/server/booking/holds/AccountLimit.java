package dev.marquee.server.booking.holds;

import dev.marquee.model.auth.Role;
import dev.marquee.model.error.ErrorCode;
import dev.marquee.server.auth.Caller;
import dev.marquee.server.db.Pipeline;
import dev.marquee.server.db.Tx;
import dev.marquee.server.error.ApiException;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A show's {@code maxTicketsPerAccount}: a FAN account's active holds plus its live tickets (valid or checked in)
 * for the show may not pass it. Checked inside the hold's transaction, after its stock is taken, under a
 * transaction-scoped advisory lock on the account and show: two holds of one account for one show, on any instance
 * and whatever tiers they take, count one after the other, so concurrent holds can never end above the limit.
 * The lock comes after the tiers and seats in the global lock order, and nothing that waits for it holds another.
 * Staff at the counter are not limited.
 */
final class AccountLimit {

    /** The show's limit (null: none) and what the account has already. */
    record Usage(Integer limit, long alreadyHeld) {
    }

    private AccountLimit() {
    }

    /**
     * Adds the lock and the count to {@code pipeline}, before the hold's own writes: {@code found} hears the usage
     * once it runs, for {@link #verify}. Nothing for staff.
     */
    static void addCount(Pipeline pipeline, Caller caller, long showId, Consumer<Usage> found) {
        if (caller.role() != Role.FAN) {
            return;
        }
        addCount(pipeline, caller.id(), showId, found);
    }

    /**
     * As {@link #addCount(Pipeline, Caller, long, Consumer)} for an account that is not the caller (a waiting
     * list's offer): a limit only if the account is a FAN's.
     */
    static void addCount(Pipeline pipeline, UUID accountId, long showId, Consumer<Usage> found) {
        pipeline.add("SELECT pg_advisory_xact_lock((? % 2147483647)::int, hashtext(?))", showId, accountId.toString())
                .query("""
                        SELECT CASE WHEN (SELECT role FROM users WHERE id = ?) = 'FAN'
                                    THEN s.max_tickets_per_account END AS max_tickets,
                               (SELECT coalesce(sum(hi.quantity), 0) FROM holds h JOIN hold_items hi ON hi.hold_id = h.id
                                WHERE h.user_id = ? AND h.show_id = s.id AND h.status = 'ACTIVE' AND h.expires_at > now())
                             + (SELECT count(*) FROM tickets t JOIN orders o ON o.id = t.order_id
                                WHERE o.user_id = ? AND o.show_id = s.id AND t.status IN ('VALID', 'CHECKED_IN'))
                               AS already_held
                        FROM shows s WHERE s.id = ?""", row -> {
                    found.accept(new Usage((Integer) row.getObject("max_tickets"), row.getLong("already_held")));
                    return null;
                }, accountId, accountId, accountId, showId);
    }

    /** Refuses (LIMIT_REACHED) a FAN whose {@code requested} tickets more would take the account past the limit. */
    static void require(Tx tx, Caller caller, long showId, int requested) {
        Usage[] usage = new Usage[1];
        Pipeline count = tx.pipeline();
        addCount(count, caller, showId, found -> usage[0] = found);
        count.run();
        verify(usage[0], requested);
    }

    /**
     * Refuses (LIMIT_REACHED) a hold of {@code requested} tickets that takes the account past the limit; the
     * transaction's rollback (or its savepoint's) undoes what was written with the count.
     */
    static void verify(Usage usage, int requested) {
        if (usage != null && usage.limit() != null && usage.alreadyHeld() + requested > usage.limit()) {
            throw new ApiException(ErrorCode.LIMIT_REACHED, message(usage.limit(), usage.alreadyHeld()),
                    Map.of("limit", usage.limit(), "alreadyHeld", usage.alreadyHeld()));
        }
    }

    private static String message(int limit, long alreadyHeld) {
        String prefix = "This show allows at most " + limit + (limit == 1 ? " ticket" : " tickets") + " per account";
        return alreadyHeld == 0
                ? prefix + "."
                : prefix + ", and you already have " + alreadyHeld + " (held or bought). You can add at most "
                        + Math.max(0, limit - alreadyHeld) + " more.";
    }
}
