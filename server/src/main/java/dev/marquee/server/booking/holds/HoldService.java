package dev.marquee.server.booking.holds;

import dev.marquee.model.booking.HoldStatus;
import dev.marquee.model.booking.HoldView;
import dev.marquee.model.error.ErrorCode;
import dev.marquee.server.audit.Audit;
import dev.marquee.server.auth.Caller;
import dev.marquee.server.booking.stock.Allocation;
import dev.marquee.server.booking.stock.Allocator;
import dev.marquee.server.booking.stock.BookingItems;
import dev.marquee.server.booking.stock.SaleWindow;
import dev.marquee.server.booking.stock.ShowVersions;
import dev.marquee.server.booking.stock.VenueLayouts;
import dev.marquee.server.booking.vouchers.Redemption;
import dev.marquee.server.booking.vouchers.Voucher;
import dev.marquee.server.booking.vouchers.Vouchers;
import dev.marquee.server.db.Pipeline;
import dev.marquee.server.db.Transactions;
import dev.marquee.server.db.Tx;
import dev.marquee.server.error.ApiException;
import dev.marquee.server.onsale.LineGate;
import dev.marquee.server.onsale.Places;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/** Holds: stock set aside for one user until checkout, release or expiry. */
public final class HoldService {

    private final Transactions transactions;
    private final Audit audit;
    private final Duration ttl;
    private final VenueLayouts layouts;
    private final SaleWindow window;
    private final HoldEndings endings;

    public HoldService(Transactions transactions, Audit audit, Duration ttl, VenueLayouts layouts, SaleWindow window,
                       HoldEndings endings) {
        this.transactions = transactions;
        this.audit = audit;
        this.ttl = ttl;
        this.layouts = layouts;
        this.window = window;
        this.endings = endings;
    }

    /**
     * Holds everything asked for or nothing; runs inside the idempotent request's transaction. A fan admitted from
     * the show's line takes the admission first; a FAN's hold must stay within the show's per-account limit.
     */
    public HoldView create(Tx tx, Caller caller, long showId, BookingItems wanted, String voucherCode,
                           LineGate.Pass pass) {
        if (pass == LineGate.Pass.ADMITTED) {
            Places.useAdmission(tx, showId, caller.id());
        }
        UUID holdId = UUID.randomUUID();
        Voucher voucher = voucherCode == null ? null : Vouchers.find(tx, showId, voucherCode);
        // The stock's writes, the voucher's claim, the limit's count, the hidden tiers and the hold's rows go in one
        // round trip; a hold refused after it (past the limit, a hidden tier not unlocked, the voucher used up
        // meanwhile) is rolled back.
        Pipeline writes = tx.pipeline();
        Allocation allocation = Allocator.allocate(tx, layouts, showId, wanted, Allocator.Target.HELD, holdId,
                window.forCaller(caller), writes);
        int[] claimed = new int[1];
        Vouchers.Redeemed redeemed = voucher == null ? null
                : Vouchers.redeem(voucher, allocation, holdId, null, writes, count -> claimed[0] = count);
        Allocation priced = redeemed == null ? allocation : redeemed.allocation();
        Redemption redemption = redeemed == null ? null : redeemed.redemption();
        AccountLimit.Usage[] usage = new AccountLimit.Usage[1];
        AccountLimit.addCount(writes, caller, showId, found -> usage[0] = found);
        Set<Long> hidden = new HashSet<>();
        if (!caller.isStaff()) {
            Vouchers.addHiddenAmong(writes, allocation.lines().stream().map(Allocation.Line::tierId).toList(), hidden);
        }
        Instant[] expiresAt = new Instant[1];
        Holds.addInsert(writes, holdId, caller, priced, redemption, ttl.toSeconds(), at -> expiresAt[0] = at);
        ShowVersions.addBump(tx, writes, showId);
        writes.run();
        AccountLimit.verify(usage[0], allocation.tickets());
        Vouchers.requireUnlocked(hidden, voucher);
        if (redemption != null) {
            Vouchers.requireClaimed(redemption, claimed[0]);
        }
        return Holds.newView(holdId, priced, expiresAt[0], redemption);
    }

    /** The show of a hold the caller may use (404 otherwise), so its checkout can join the show's lane. */
    public long showOf(Caller caller, UUID holdId) {
        return transactions.inSnapshot(tx -> Holds.showOf(tx, caller, holdId));
    }

    public HoldView get(Caller caller, UUID holdId) {
        return transactions.inSnapshot(tx -> {
            boolean visible = tx.first("SELECT user_id FROM holds WHERE id = ?", r -> Tx.uuid(r, "user_id"), holdId)
                    .filter(owner -> caller.isStaff() || owner.equals(caller.id()))
                    .isPresent();
            if (!visible) {
                throw Holds.notFound(holdId);
            }
            return Holds.view(tx, holdId);
        });
    }

    /** Releases an active hold at once. Releasing one that already ended unsold changes nothing. */
    public void release(Caller caller, UUID holdId) {
        transactions.inTransaction(tx -> {
            Holds.Locked locked = Holds.lockWithTiers(tx, caller, holdId, false);
            Holds.Row hold = locked.row();
            if (hold.status() == HoldStatus.CHECKED_OUT) {
                throw new ApiException(ErrorCode.HOLD_NOT_ACTIVE,
                        "This hold was already checked out; refund the order instead.");
            }
            if (hold.status() == HoldStatus.ACTIVE) {
                Allocation returned = endings.endUnsold(tx, locked,
                        hold.pastExpiry() ? HoldStatus.EXPIRED : HoldStatus.RELEASED);
                audit.record(tx, caller.email(), "HOLD_RELEASED", hold.showId(), Holds.auditDetails(holdId, returned));
                ShowVersions.bump(tx, hold.showId());
            }
            return null;
        });
    }
}
