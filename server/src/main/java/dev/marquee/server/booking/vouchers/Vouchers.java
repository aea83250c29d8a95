package dev.marquee.server.booking.vouchers;

import dev.marquee.model.admin.VoucherKind;
import dev.marquee.server.booking.stock.Allocation;
import dev.marquee.server.db.Pipeline;
import dev.marquee.server.db.Tx;
import dev.marquee.server.error.ApiException;
import dev.marquee.server.error.Validate;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Redeeming vouchers inside a booking's transaction. A voucher's row is only read; its uses are rows of their own
 * ({@code voucher_uses}) that a hold or a sale claims with {@code FOR UPDATE SKIP LOCKED}: a claim never waits for
 * another transaction, so vouchers take no place in the global lock order and cannot deadlock with the stock's locks.
 * A use locked by a claim still running is not free: should that claim roll back, a fan refused meanwhile as
 * {@code USED_UP} could have had it (the rollbacks that come after a claim are the database's failures only: every
 * other check runs before it).
 */
public final class Vouchers {

    public static final int MAX_CODE = 40;

    private Vouchers() {
    }

    /** The code a request gives: absent or blank is none; otherwise at most 40 characters, trimmed. */
    public static String code(String given) {
        String code = Validate.optionalText("voucherCode", given, MAX_CODE);
        return code == null || code.isEmpty() ? null : code;
    }

    private static final String COLUMNS = """
            v.id, v.show_id, v.code, v.kind, v.value, v.tier_ids, v.max_uses, v.disabled,
            (SELECT count(*) FROM voucher_uses u
             WHERE u.voucher_id = v.id AND (u.hold_id IS NOT NULL OR u.order_id IS NOT NULL)) AS uses,
            (v.valid_from IS NULL OR v.valid_from <= now()) AND (v.valid_until IS NULL OR v.valid_until > now())
                AS in_window""";

    /** A voucher asked for by its show and its code as given. */
    public record Wanted(long showId, String code) {
    }

    /** The show's voucher with this code, whatever its case; an unknown code is refused as {@code UNKNOWN}. */
    public static Voucher find(Tx tx, long showId, String code) {
        return tx.first("SELECT " + COLUMNS + " FROM vouchers v WHERE v.show_id = ? AND lower(v.code) = lower(?)",
                Vouchers::voucher, showId, code).orElseThrow(() -> unknown(code));
    }

    /** Adds the look-up of the vouchers a batch of sales names; a code not found is absent from {@code found}. */
    public static void addFindAll(Pipeline reads, Collection<Wanted> wanted, java.util.Map<Wanted, Voucher> found) {
        if (wanted.isEmpty()) {
            return;
        }
        List<Wanted> asked = List.copyOf(wanted);
        reads.query("SELECT x.asked_show, x.asked_code, " + COLUMNS
                + " FROM unnest(?::bigint[], ?::text[]) AS x(asked_show, asked_code)"
                + " JOIN vouchers v ON v.show_id = x.asked_show AND lower(v.code) = lower(x.asked_code)",
                row -> found.put(new Wanted(row.getLong("asked_show"), row.getString("asked_code")), voucher(row)),
                reads.bigints(asked.stream().map(Wanted::showId).toList()),
                reads.texts(asked.stream().map(Wanted::code).toList()));
    }

    public static ApiException unknown(String code) {
        return Voucher.refused(Voucher.Refusal.UNKNOWN, "There is no voucher code '" + code + "' for this show.");
    }

    /**
     * Checks the voucher for the allocation and adds the claim of one use per ticket to {@code writes}, for
     * {@code holdId} or {@code orderId}; answers the allocation at the voucher's prices. The claim's count reaches
     * {@code claimed}: fewer uses than tickets means the voucher was used up meanwhile ({@link #requireClaimed}).
     */
    public static Redeemed redeem(Voucher voucher, Allocation allocation, UUID holdId, UUID orderId, Pipeline writes,
                                  Consumer<Integer> claimed) {
        voucher.requireFor(allocation.tickets(), tierIds(allocation));
        Allocation discounted = voucher.discount(allocation);
        // The free slots are picked once, materialized: as an IN (subquery) the planner may rescan the subquery
        // for every row it updates, and each rescan with SKIP LOCKED picks further free slots, so one claim could
        // take every use left.
        writes.add("""
                WITH picked AS MATERIALIZED (
                    SELECT slot FROM voucher_uses WHERE voucher_id = ? AND hold_id IS NULL AND order_id IS NULL
                    ORDER BY slot LIMIT ? FOR UPDATE SKIP LOCKED)
                UPDATE voucher_uses u SET hold_id = ?, order_id = ? FROM picked
                WHERE u.voucher_id = ? AND u.slot = picked.slot""", claimed::accept,
                voucher.id(), allocation.tickets(), holdId, orderId, voucher.id());
        return new Redeemed(discounted, new Redemption(voucher.id(), voucher.code(), allocation.tickets(),
                allocation.totalCents() - discounted.totalCents()));
    }

    /** An allocation at a voucher's prices, and what it took of the voucher. */
    public record Redeemed(Allocation allocation, Redemption redemption) {
    }

    /**
     * Refuses a redemption whose claim found fewer free uses than it has tickets (the rollback undoes it); one that
     * took more than its tickets is a fault, and is undone the same way rather than kept.
     */
    public static void requireClaimed(Redemption redemption, int claimed) {
        if (claimed > redemption.uses()) {
            throw new IllegalStateException("A claim of " + redemption.uses() + " uses of voucher "
                    + redemption.voucherId() + " took " + claimed);
        }
        if (claimed < redemption.uses()) {
            throw Voucher.refused(Voucher.Refusal.USED_UP, "The voucher code '" + redemption.code()
                    + "' was used up a moment ago.");
        }
    }

    /** A checkout keeps the hold's uses: they now belong to its order too. */
    public static void addCheckedOut(Pipeline writes, UUID holdId, UUID orderId) {
        writes.add("UPDATE voucher_uses SET order_id = ? WHERE hold_id = ?", orderId, holdId);
    }

    /** A hold that ends unsold gives its uses back. */
    public static void addGiveBack(Pipeline writes, UUID holdId) {
        writes.add("UPDATE voucher_uses SET hold_id = NULL WHERE hold_id = ? AND order_id IS NULL", holdId);
    }

    /** Adds the look-up of which of the tiers are hidden. */
    public static void addHiddenAmong(Pipeline reads, Collection<Long> tierIds, Set<Long> hidden) {
        reads.query("SELECT id FROM tiers WHERE id = ANY(?) AND hidden", row -> hidden.add(row.getLong("id")),
                reads.bigints(new ArrayList<>(tierIds)));
    }

    /** Refuses hidden tiers that the voucher (null: none given) does not unlock. */
    public static void requireUnlocked(Set<Long> hiddenTiers, Voucher voucher) {
        for (long tierId : hiddenTiers) {
            if (voucher == null || !voucher.unlocks(tierId)) {
                throw Voucher.refused(Voucher.Refusal.NOT_FOR_TIER, voucher == null
                        ? "These tickets need a voucher code."
                        : "The voucher code '" + voucher.code() + "' is not for these tickets.");
            }
        }
    }

    private static List<Long> tierIds(Allocation allocation) {
        return allocation.lines().stream().map(Allocation.Line::tierId).toList();
    }

    static Voucher voucher(ResultSet row) throws SQLException {
        Array tiers = row.getArray("tier_ids");
        Set<Long> tierIds = null;
        if (tiers != null) {
            tierIds = new TreeSet<>();
            for (Long id : (Long[]) tiers.getArray()) {
                tierIds.add(id);
            }
        }
        return new Voucher(row.getLong("id"), row.getLong("show_id"), row.getString("code"),
                VoucherKind.valueOf(row.getString("kind")), (Integer) row.getObject("value"), tierIds,
                row.getInt("max_uses"), row.getInt("uses"), row.getBoolean("disabled"), row.getBoolean("in_window"));
    }
}
