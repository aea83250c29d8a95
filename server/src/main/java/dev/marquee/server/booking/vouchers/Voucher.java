package dev.marquee.server.booking.vouchers;

import dev.marquee.model.admin.VoucherKind;
import dev.marquee.model.error.ErrorCode;
import dev.marquee.server.booking.stock.Allocation;
import dev.marquee.server.error.ApiException;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * A voucher as its row lock found it: what it takes off, where it applies, how many uses are left, and whether it is
 * in its validity window by the database's clock. {@code tierIds} null means every tier of its show.
 */
public record Voucher(long id, long showId, String code, VoucherKind kind, Integer value, Set<Long> tierIds,
                     int maxUses, int uses, boolean disabled, boolean inWindow) {

    /** Why a code is refused: the contract's {@code details.reason}. */
    public enum Refusal { UNKNOWN, EXPIRED, USED_UP, NOT_FOR_TIER }

    /**
     * Refuses this voucher for {@code tickets} tickets of {@code tiers} unless it may give them: in its window, not
     * disabled, for every one of those tiers, with that many uses left.
     */
    void requireFor(int tickets, Collection<Long> tiers) {
        if (disabled || !inWindow) {
            throw refused(Refusal.EXPIRED, "The voucher code '" + code + "' is not valid at this time.");
        }
        if (tierIds != null && !tierIds.containsAll(tiers)) {
            throw refused(Refusal.NOT_FOR_TIER, "The voucher code '" + code + "' is not for these tickets.");
        }
        if (uses + tickets > maxUses) {
            throw refused(Refusal.USED_UP, "The voucher code '" + code + "' has no uses left for "
                    + (tickets == 1 ? "a ticket." : tickets + " tickets."));
        }
    }

    /** Whether this voucher opens the hidden tier. */
    boolean unlocks(long tierId) {
        return kind == VoucherKind.UNLOCK && (tierIds == null || tierIds.contains(tierId));
    }

    /** A ticket's price with this voucher: never below zero; an UNLOCK voucher changes no price. */
    int price(int listPrice) {
        return switch (kind) {
            case PERCENT -> listPrice - (int) ((long) listPrice * value / 100);
            case AMOUNT -> Math.max(0, listPrice - value);
            case UNLOCK -> listPrice;
        };
    }

    /** The allocation at this voucher's prices. */
    Allocation discount(Allocation allocation) {
        return new Allocation(allocation.showId(), allocation.lines().stream()
                .map(line -> new Allocation.Line(line.tierId(), line.tierName(), line.quantity(),
                        price(line.unitPriceCents())))
                .toList(), allocation.seats());
    }

    public static ApiException refused(Refusal reason, String message) {
        return new ApiException(ErrorCode.VOUCHER_INVALID, message, Map.of("reason", reason.name()));
    }
}
