package dev.marquee.server.booking.vouchers;

import dev.marquee.model.admin.VoucherKind;
import dev.marquee.model.admin.VoucherPatch;
import dev.marquee.model.admin.VoucherRequest;
import dev.marquee.model.admin.VoucherView;
import dev.marquee.server.audit.Audit;
import dev.marquee.server.catalog.CatalogService;
import dev.marquee.server.db.Transactions;
import dev.marquee.server.db.Tx;
import dev.marquee.server.error.ApiException;
import dev.marquee.server.error.Validate;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** The admin's vouchers of a show: made, listed with their uses, turned off and on. */
public final class VoucherService {

    static final int MAX_USES = 100_000;
    static final int MAX_AMOUNT_CENTS = 10_000_000;
    static final int MAX_TIERS = 100;
    /** Letters, digits, '-' and '_': what a fan can read off a flyer and type without a doubt. */
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1," + Vouchers.MAX_CODE + "}");

    private final Transactions transactions;
    private final Audit audit;

    public VoucherService(Transactions transactions, Audit audit) {
        this.transactions = transactions;
        this.audit = audit;
    }

    VoucherView create(String actor, long showId, VoucherRequest request) {
        String code = Validate.text("code", request.code(), 1, Vouchers.MAX_CODE);
        if (!CODE.matcher(code).matches()) {
            throw ApiException.validation("code", "Field 'code' may hold only letters, digits, '-' and '_'.");
        }
        VoucherKind kind = Validate.present("kind", request.kind());
        Integer value = switch (kind) {
            case PERCENT -> Validate.range("value", request.value(), 1, 100);
            case AMOUNT -> Validate.range("value", request.value(), 1, MAX_AMOUNT_CENTS);
            case UNLOCK -> {
                if (request.value() != null) {
                    throw ApiException.validation("value", "An UNLOCK voucher takes no value: it changes no price.");
                }
                yield null;
            }
        };
        int maxUses = Validate.range("maxUses", request.maxUses(), 1, MAX_USES);
        Instant from = request.validFrom() == null ? null : Validate.plausible("validFrom", request.validFrom());
        Instant until = request.validUntil() == null ? null : Validate.plausible("validUntil", request.validUntil());
        if (from != null && until != null && !from.isBefore(until)) {
            throw ApiException.validation("validUntil", "Field 'validUntil' must come after 'validFrom'.");
        }
        List<Long> tierIds = request.tierIds() == null ? null
                : Validate.distinctList("tierIds", request.tierIds(), MAX_TIERS);
        if (tierIds != null) {
            Validate.positiveIds("tierIds", tierIds);
            if (tierIds.isEmpty()) {
                throw ApiException.validation("tierIds", "Field 'tierIds' names no tier: leave it out for every tier.");
            }
        }
        return transactions.inTransaction(tx -> {
            requireShow(tx, showId);
            if (tierIds != null) {
                Set<Long> ofShow = new TreeSet<>(tx.list("SELECT id FROM tiers WHERE show_id = ? AND id = ANY(?)",
                        row -> row.getLong("id"), showId, tx.bigints(tierIds)));
                for (long tierId : tierIds) {
                    if (!ofShow.contains(tierId)) {
                        throw ApiException.validation("tierIds", "Tier " + tierId + " is not a tier of show " + showId
                                + ".");
                    }
                }
            }
            Long id = tx.first("""
                    INSERT INTO vouchers (show_id, code, kind, value, tier_ids, max_uses, valid_from, valid_until)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (show_id, lower(code)) DO NOTHING RETURNING id""", row -> row.getLong("id"),
                    showId, code, kind.name(), value, tierIds == null ? null : tx.bigints(tierIds), maxUses,
                    timestamp(from), timestamp(until)).orElseThrow(() -> ApiException.validation("code",
                    "Show " + showId + " already has a voucher '" + code + "' (codes ignore case)."));
            tx.update("INSERT INTO voucher_uses (voucher_id, slot) SELECT ?, generate_series(1, ?)", id, maxUses);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("voucherId", id);
            details.put("code", code);
            details.put("kind", kind.name());
            details.put("value", value);
            details.put("maxUses", maxUses);
            audit.record(tx, actor, "VOUCHER_CREATED", showId, details);
            return view(tx, id);
        });
    }

    List<VoucherView> list(long showId) {
        return transactions.inSnapshot(tx -> {
            requireShow(tx, showId);
            return tx.list(SELECT + " WHERE v.show_id = ? ORDER BY v.id", VoucherService::view, showId);
        });
    }

    /** The show's voucher as a sale would find it now: refused as a sale would refuse it, for any ticket. */
    VoucherView check(long showId, String code) {
        return transactions.inSnapshot(tx -> {
            requireShow(tx, showId);
            Voucher voucher = Vouchers.find(tx, showId, code);
            voucher.requireFor(1, voucher.tierIds() == null ? List.of() : voucher.tierIds());
            return view(tx, voucher.id());
        });
    }

    VoucherView change(String actor, long showId, long voucherId, VoucherPatch patch) {
        boolean disabled = Validate.present("disabled", patch.disabled());
        return transactions.inTransaction(tx -> {
            int changed = tx.update("UPDATE vouchers SET disabled = ? WHERE id = ? AND show_id = ? AND disabled <> ?",
                    disabled, voucherId, showId, disabled);
            VoucherView voucher = tx.first(SELECT + " WHERE v.id = ? AND v.show_id = ?", VoucherService::view,
                    voucherId, showId).orElseThrow(() -> ApiException.notFound(
                            "Show " + showId + " has no voucher " + voucherId + "."));
            if (changed > 0) {
                audit.record(tx, actor, disabled ? "VOUCHER_DISABLED" : "VOUCHER_ENABLED", showId,
                        Map.of("voucherId", voucherId, "code", voucher.code()));
            }
            return voucher;
        });
    }

    private static final String SELECT = """
            SELECT v.id, v.show_id, v.code, v.kind, v.value, v.tier_ids, v.max_uses, v.valid_from, v.valid_until,
                   v.disabled,
                   (SELECT count(*) FROM voucher_uses u
                    WHERE u.voucher_id = v.id AND (u.hold_id IS NOT NULL OR u.order_id IS NOT NULL)) AS uses
            FROM vouchers v""";

    private static VoucherView view(Tx tx, long id) {
        return tx.one(SELECT + " WHERE v.id = ?", VoucherService::view, id);
    }

    private static VoucherView view(ResultSet row) throws SQLException {
        Array tiers = row.getArray("tier_ids");
        List<Long> tierIds = tiers == null ? null : new ArrayList<>(Arrays.asList((Long[]) tiers.getArray()));
        return new VoucherView(row.getLong("id"), row.getLong("show_id"), row.getString("code"),
                VoucherKind.valueOf(row.getString("kind")), (Integer) row.getObject("value"), tierIds,
                row.getInt("max_uses"), row.getInt("uses"), Tx.instant(row, "valid_from"),
                Tx.instant(row, "valid_until"), row.getBoolean("disabled"));
    }

    private static void requireShow(Tx tx, long showId) {
        tx.first("SELECT id FROM shows WHERE id = ?", row -> row.getLong("id"), showId)
                .orElseThrow(() -> CatalogService.showNotFound(showId));
    }

    private static java.sql.Timestamp timestamp(Instant instant) {
        return instant == null ? null : java.sql.Timestamp.from(instant);
    }
}
