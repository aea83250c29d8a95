package dev.marquee.server.booking;

import dev.marquee.model.booking.Channel;
import dev.marquee.model.booking.PaymentMethod;
import dev.marquee.model.catalog.SeatingMode;
import dev.marquee.model.error.ErrorCode;
import dev.marquee.server.boxoffice.Shifts;
import dev.marquee.server.catalog.CatalogService;
import dev.marquee.server.platform.ApiException;
import dev.marquee.server.platform.Audit;
import dev.marquee.server.platform.ErrorResponses;
import dev.marquee.server.platform.HttpJson;
import dev.marquee.server.platform.IdempotencyBatch;
import dev.marquee.server.platform.IdempotencyBatch.Verdict;
import dev.marquee.server.platform.ShowVersions;
import dev.marquee.server.platform.Transactions;
import dev.marquee.server.platform.Tx;
import io.helidon.http.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Box-office sales of one show, stock taken, paid and ticketed with no hold in between, any number in one
 * transaction: answered keys looked up in one statement, tiers locked once, each sale allocated in arrival order (all
 * or nothing), then orders, tickets, audit rows and the new keys with their answers written in a few statements, and
 * one version bump.
 */
public final class SaleService {

    private static final int MAX_ATTEMPTS = 3;

    private record ShowFacts(SeatingMode mode, boolean onSale, String title, Instant startsAt, Instant now) {
    }

    private final Audit audit;
    private final HttpJson json;
    private final ErrorResponses errors;

    public SaleService(Audit audit, HttpJson json, ErrorResponses errors) {
        this.audit = audit;
        this.json = json;
        this.errors = errors;
    }

    /**
     * Sells the jobs, all of one show, in one transaction, answering one outcome per job in the same order. When
     * another transaction wrote one of their idempotency keys meanwhile, all is rolled back and sold again, and that
     * job hears the stored answer.
     */
    List<SaleOutcome> sellAll(Transactions transactions, List<SaleJob> jobs) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.inTransaction(tx -> sellAll(tx, jobs));
            } catch (IdempotencyBatch.KeyConflict conflict) {
                if (attempt == MAX_ATTEMPTS) {
                    throw new ApiException(ErrorCode.IDEMPOTENCY_IN_PROGRESS,
                            "A request with this Idempotency-Key is still being processed. Try again in a moment.");
                }
            }
        }
    }

    private List<SaleOutcome> sellAll(Tx tx, List<SaleJob> jobs) {
        long showId = jobs.getFirst().showId();
        List<Verdict> verdicts = IdempotencyBatch.lookup(tx, jobs.stream()
                .map(job -> new IdempotencyBatch.Claim(job.caller().id(), job.idempotencyKey(), job.requestHash()))
                .toList());
        SaleOutcome[] outcomes = new SaleOutcome[jobs.size()];
        List<Integer> toSell = new ArrayList<>();
        for (int i = 0; i < jobs.size(); i++) {
            switch (verdicts.get(i)) {
                case Verdict.Run run -> toSell.add(i);
                case Verdict.Replay replay -> outcomes[i] = SaleOutcome.replay(replay.status(), replay.body());
                case Verdict.Refuse refuse -> outcomes[i] = SaleOutcome.refused(refuse.failure());
                case Verdict.SameAs sameAs -> { }
            }
        }
        if (!toSell.isEmpty()) {
            sell(tx, showId, jobs, toSell, outcomes);
        }
        for (int i = 0; i < jobs.size(); i++) {
            if (verdicts.get(i) instanceof Verdict.SameAs sameAs) {
                outcomes[i] = outcomes[sameAs.index()].forDuplicate();
            }
        }
        return List.of(outcomes);
    }

    private void sell(Tx tx, long showId, List<SaleJob> jobs, List<Integer> toSell, SaleOutcome[] outcomes) {
        Optional<ShowFacts> show = showFacts(tx, showId);
        Map<UUID, Optional<UUID>> openShifts = openShifts(tx, jobs, toSell);
        TierLedger ledger = show.isPresent() ? lockStock(tx, showId, show.get().mode(), jobs, toSell) : null;
        List<NewOrder> orders = new ArrayList<>();
        List<IdempotencyBatch.Completion> completions = new ArrayList<>();
        for (int i : toSell) {
            SaleJob job = jobs.get(i);
            try {
                NewOrder order = sellOne(tx, job, show.orElseThrow(() -> CatalogService.showNotFound(showId)),
                        ledger, openShifts.getOrDefault(job.caller().id(), Optional.empty()));
                orders.add(order);
                byte[] body = json.toBytes(order.view(show.get().title(), show.get().startsAt(), show.get().now()));
                outcomes[i] = SaleOutcome.answer(Status.CREATED_201.code(), body);
            } catch (ApiException refused) {
                outcomes[i] = SaleOutcome.answer(refused.code().httpStatus(), errors.bodyOf(refused));
            }
            completions.add(new IdempotencyBatch.Completion(job.caller().id(), job.idempotencyKey(),
                    job.requestHash(), outcomes[i].status(), outcomes[i].body()));
        }
        if (ledger != null) {
            ledger.writeSold(tx);
        }
        NewOrder.insertAll(tx, orders);
        audit.recordAll(tx, orders.stream().map(order -> new Audit.Entry(order.caller().email(), "SALE", showId,
                auditDetails(order.id(), order.channel(), order.allocation(), order.payment()))).toList());
        IdempotencyBatch.storeAll(tx, completions);
        if (!orders.isEmpty()) {
            ShowVersions.bump(tx, showId);
        }
    }

    private static NewOrder sellOne(Tx tx, SaleJob job, ShowFacts show, TierLedger ledger, Optional<UUID> shift) {
        if (!show.onSale()) {
            throw new ApiException(ErrorCode.NOT_ON_SALE, "This show is not on sale.");
        }
        if (job.payment().method() == PaymentMethod.CASH && shift.isEmpty()) {
            throw Shifts.noOpenShift();
        }
        UUID shiftId = shift.orElse(null);
        if (show.mode() == SeatingMode.GA && job.wanted() instanceof BookingItems.TierQuantities quantities) {
            Allocation allocation = ledger.quote(quantities.items());
            Payments.Settled settled = Payments.settle(job.payment(), allocation.totalCents());
            ledger.take(allocation);
            return newOrder(job, allocation, settled, shiftId);
        }
        // Seats are picked and written one sale at a time, so each sale sees the seats the ones before it took.
        return tx.inSavepoint(t -> {
            Allocation allocation = Allocator.allocate(t, job.showId(), job.wanted(), Allocator.Target.SOLD, null);
            return newOrder(job, allocation, Payments.settle(job.payment(), allocation.totalCents()), shiftId);
        });
    }

    private static NewOrder newOrder(SaleJob job, Allocation allocation, Payments.Settled settled, UUID shiftId) {
        return NewOrder.of(job.caller(), allocation, null, Channel.BOX_OFFICE, job.customerName(), settled, shiftId);
    }

    /**
     * Locks what the sales draw on, in the global order: for general admission the tiers they name; for a seated
     * show all its tiers, as each sale then locks its own seats and only the tier locks keep those in order.
     */
    private static TierLedger lockStock(Tx tx, long showId, SeatingMode mode, List<SaleJob> jobs, List<Integer> toSell) {
        if (mode == SeatingMode.SEATED) {
            Stock.lockAllTiers(tx, showId);
            return null;
        }
        List<Long> tierIds = new ArrayList<>();
        for (int i : toSell) {
            if (jobs.get(i).wanted() instanceof BookingItems.TierQuantities quantities) {
                quantities.items().forEach(item -> tierIds.add(item.tierId()));
            }
        }
        return TierLedger.lock(tx, showId, tierIds);
    }

    private static Optional<ShowFacts> showFacts(Tx tx, long showId) {
        return tx.first("""
                SELECT s.seating_mode, s.on_sale, e.title, s.starts_at, now() AS now
                FROM shows s JOIN events e ON e.id = s.event_id WHERE s.id = ?""",
                row -> new ShowFacts(SeatingMode.valueOf(row.getString("seating_mode")), row.getBoolean("on_sale"),
                        row.getString("title"), Tx.instant(row, "starts_at"), Tx.instant(row, "now")), showId);
    }

    /** The open shift of each staff member selling, share-locked; fans (no shift) are absent. */
    private static Map<UUID, Optional<UUID>> openShifts(Tx tx, List<SaleJob> jobs, List<Integer> toSell) {
        Map<UUID, Optional<UUID>> shifts = new HashMap<>();
        for (int i : toSell) {
            if (jobs.get(i).caller().isStaff()) {
                shifts.computeIfAbsent(jobs.get(i).caller().id(), staffId -> Shifts.openShiftOf(tx, staffId));
            }
        }
        return shifts;
    }

    static Map<String, Object> auditDetails(UUID orderId, Channel channel, Allocation allocation,
                                            Payments.Settled payment) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("orderId", orderId.toString());
        details.put("channel", channel.name());
        details.put("paymentMethod", payment.method().name());
        details.put("totalCents", allocation.totalCents());
        details.put("tiers", allocation.lines().stream().map(line -> Map.of("tierId", line.tierId(),
                "quantity", line.quantity(), "unitPriceCents", line.unitPriceCents())).toList());
        details.put("seatIds", allocation.seatIds());
        return details;
    }
}
