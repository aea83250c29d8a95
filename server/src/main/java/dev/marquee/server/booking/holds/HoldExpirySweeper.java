package dev.marquee.server.booking.holds;

import dev.marquee.model.booking.HoldStatus;
import dev.marquee.server.audit.Audit;
import dev.marquee.server.booking.stock.Allocation;
import dev.marquee.server.booking.stock.ShowVersions;
import dev.marquee.server.db.Transactions;
import dev.marquee.server.platform.BackgroundWork;
import dev.marquee.server.platform.Periodic;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Returns the stock of holds past their expiry without anyone asking. Each hold ends in its own short
 * transaction; {@code SKIP LOCKED} lets several server instances sweep side by side without waiting on a hold
 * that a checkout (or another sweeper) has locked.
 */
public final class HoldExpirySweeper implements BackgroundWork {

    private static final int BATCH = 200;

    private final Transactions transactions;
    private final Audit audit;
    private final Periodic sweeps;
    private final HoldEndings endings;

    public HoldExpirySweeper(Transactions transactions, Audit audit, Duration interval, HoldEndings endings) {
        this.transactions = transactions;
        this.audit = audit;
        this.endings = endings;
        this.sweeps = new Periodic("hold-expiry", interval, this::sweep);
    }

    @Override
    public void start() {
        sweeps.start();
    }

    @Override
    public void stop(Duration grace) {
        sweeps.stop(grace);
    }

    /** Expires every hold that is due now; answers how many it expired. */
    int sweep() {
        int expired = 0;
        List<UUID> due;
        do {
            due = transactions.inTransaction(tx -> tx.list("""
                    SELECT id FROM holds WHERE status = 'ACTIVE' AND expires_at <= now()
                    ORDER BY expires_at LIMIT ?""", row -> row.getObject("id", UUID.class), BATCH));
            for (UUID holdId : due) {
                if (expire(holdId)) {
                    expired++;
                }
            }
        } while (due.size() == BATCH && !Thread.currentThread().isInterrupted());
        return expired;
    }

    private boolean expire(UUID holdId) {
        return transactions.inTransaction(tx -> {
            Holds.Locked locked = Holds.lockWithTiers(tx, null, holdId, true);
            Holds.Row hold = locked == null ? null : locked.row();
            if (hold == null || hold.status() != HoldStatus.ACTIVE || !hold.pastExpiry()) {
                return false;
            }
            Allocation returned = endings.endUnsold(tx, locked, HoldStatus.EXPIRED);
            audit.record(tx, "system", "HOLD_EXPIRED", hold.showId(), Holds.auditDetails(holdId, returned));
            ShowVersions.bump(tx, hold.showId());
            return true;
        });
    }

}
