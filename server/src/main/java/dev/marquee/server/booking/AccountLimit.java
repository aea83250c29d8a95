package dev.marquee.server.booking;

import dev.marquee.model.auth.Role;
import dev.marquee.model.error.ErrorCode;
import dev.marquee.server.auth.Caller;
import dev.marquee.server.platform.ApiException;
import dev.marquee.server.platform.Tx;
import java.util.Map;

/**
 * A show's {@code maxTicketsPerAccount}: a FAN account's active holds plus its live tickets (valid or checked in)
 * for the show may not pass it. Checked inside the hold's transaction, after its stock is taken, under a
 * transaction-scoped advisory lock on the account and show: two holds of one account for one show, on any instance
 * and whatever tiers they take, count one after the other, so concurrent holds can never end above the limit.
 * The lock comes after the tiers and seats in the global lock order, and nothing that waits for it holds another.
 * Staff at the counter are not limited.
 */
final class AccountLimit {

    private record Usage(Integer limit, long alreadyHeld) {
    }

    private AccountLimit() {
    }

    /** Refuses (LIMIT_REACHED) a hold of {@code requested} tickets that would take the account past the limit. */
    static void check(Tx tx, Caller caller, long showId, int requested) {
        if (caller.role() != Role.FAN) {
            return;
        }
        Usage[] usage = new Usage[1];
        tx.pipeline()
                .add("SELECT pg_advisory_xact_lock((? % 2147483647)::int, hashtext(?))", showId, caller.id().toString())
                .query("""
                        SELECT s.max_tickets_per_account AS max_tickets,
                               (SELECT coalesce(sum(hi.quantity), 0) FROM holds h JOIN hold_items hi ON hi.hold_id = h.id
                                WHERE h.user_id = ? AND h.show_id = s.id AND h.status = 'ACTIVE' AND h.expires_at > now())
                             + (SELECT count(*) FROM tickets t JOIN orders o ON o.id = t.order_id
                                WHERE o.user_id = ? AND o.show_id = s.id AND t.status IN ('VALID', 'CHECKED_IN'))
                               AS already_held
                        FROM shows s WHERE s.id = ?""",
                        row -> usage[0] = new Usage((Integer) row.getObject("max_tickets"), row.getLong("already_held")),
                        caller.id(), caller.id(), showId)
                .run();
        Usage found = usage[0];
        if (found != null && found.limit() != null && found.alreadyHeld() + requested > found.limit()) {
            throw new ApiException(ErrorCode.LIMIT_REACHED, message(found.limit(), found.alreadyHeld()),
                    Map.of("limit", found.limit(), "alreadyHeld", found.alreadyHeld()));
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
