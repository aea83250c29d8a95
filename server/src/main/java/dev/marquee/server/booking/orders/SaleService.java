package dev.marquee.server.booking.orders;

import dev.marquee.model.booking.Channel;
import dev.marquee.model.booking.PaymentMethod;
import dev.marquee.model.catalog.SeatingMode;
import dev.marquee.model.error.ErrorCode;
import dev.marquee.server.audit.Audit;
import dev.marquee.server.booking.stock.Allocation;
import dev.marquee.server.booking.stock.Allocator;
import dev.marquee.server.booking.stock.BookingItems;
import dev.marquee.server.booking.stock.SaleWindow;
import dev.marquee.server.booking.stock.ShowVersions;
import dev.marquee.server.booking.stock.TierLedger;
import dev.marquee.server.booking.stock.VenueLayouts;
import dev.marquee.server.booking.vouchers.Redemption;
import dev.marquee.server.booking.vouchers.Voucher;
import dev.marquee.server.booking.vouchers.Vouchers;
import dev.marquee.server.boxoffice.Shifts;
import dev.marquee.server.catalog.CatalogService;
import dev.marquee.server.db.Pipeline;
import dev.marquee.server.db.Transactions;
import dev.marquee.server.db.Tx;
import dev.marquee.server.error.ApiException;
import dev.marquee.server.idempotency.IdempotencyBatch.Verdict;
import dev.marquee.server.idempotency.IdempotencyBatch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Box-office sales, stock taken, paid and ticketed with no hold in between, any number in one transaction of four
 * round trips. First the reads together: answered keys, the shows, the sellers' open shifts. Then the tier locks.
 * Then each sale is allocated in memory in arrival order (all or nothing; seats are picked one sale at a time, with a
 * round trip each). Then the writes together: tier counters, orders, tickets, audit rows, the new keys with their
 * answers, and one version bump per show. Then the commit.
 */
public final class SaleService {

    private static final int MAX_ATTEMPTS = 3;

    private record ShowFacts(SeatingMode mode, boolean onSale, String title, Instant startsAt, Instant now) {
    }

    private final Audit audit;
    private final SaleAnswers answers;
    private final VenueLayouts layouts;
    private final SaleWindow window;

    public SaleService(Audit audit, SaleAnswers answers, VenueLayouts layouts, SaleWindow window) {
        this.audit = audit;
        this.answers = answers;
        this.layouts = layouts;
        this.window = window;
    }

    /**
     * Sells the jobs, of one show or several, in one transaction, answering one outcome per job in the same order. When
     * another transaction wrote one of their idempotency keys meanwhile, all is rolled back and sold again, and that
     * job hears the stored answer.
     */
    public List<SaleOutcome> sellAll(Transactions transactions, List<SaleJob> jobs) {
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
        // What the batch reads goes in one round trip: keys already answered, the shows and the sellers' open shifts
        // (share-locked, first in the global lock order), for every job, replays included.
        Pipeline reads = tx.pipeline().planOncePerConnection();
        IdempotencyBatch.Lookup keys = IdempotencyBatch.lookup(reads, jobs.stream()
                .map(job -> new IdempotencyBatch.Claim(job.caller().id(), job.idempotencyKey(), job.requestHash()))
                .toList());
        Map<Long, ShowFacts> shows = showFacts(reads, jobs);
        Map<UUID, Optional<UUID>> openShifts = openShifts(reads, jobs);
        Map<Vouchers.Wanted, Voucher> vouchers = new HashMap<>();
        Vouchers.addFindAll(reads, jobs.stream().filter(job -> job.voucherCode() != null)
                .map(job -> new Vouchers.Wanted(job.showId(), job.voucherCode())).distinct().toList(), vouchers);
        reads.run();
        List<Verdict> verdicts = keys.verdicts();
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
            sell(tx, shows, openShifts, vouchers, toSell.stream().map(jobs::get).toList(), toSell, outcomes);
        }
        for (int i = 0; i < jobs.size(); i++) {
            if (verdicts.get(i) instanceof Verdict.SameAs sameAs) {
                outcomes[i] = outcomes[sameAs.index()].forDuplicate();
            }
        }
        return List.of(outcomes);
    }

    /** Sells {@code jobs}, answering each into {@code outcomes} at the index {@code positions} gives. */
    private void sell(Tx tx, Map<Long, ShowFacts> shows, Map<UUID, Optional<UUID>> openShifts,
                      Map<Vouchers.Wanted, Voucher> vouchers, List<SaleJob> jobs, List<Integer> positions,
                      SaleOutcome[] outcomes) {
        TierLedger ledger = lockStock(tx, jobs, shows);
        List<NewOrder> orders = new ArrayList<>();
        List<IdempotencyBatch.Completion> completions = new ArrayList<>();
        for (int j = 0; j < jobs.size(); j++) {
            SaleJob job = jobs.get(j);
            SaleOutcome outcome;
            try {
                ShowFacts show = Optional.ofNullable(shows.get(job.showId()))
                        .orElseThrow(() -> CatalogService.showNotFound(job.showId()));
                Voucher voucher = job.voucherCode() == null ? null : Optional.ofNullable(
                        vouchers.get(new Vouchers.Wanted(job.showId(), job.voucherCode())))
                        .orElseThrow(() -> Vouchers.unknown(job.voucherCode()));
                NewOrder order = sellOne(tx, job, show, ledger,
                        openShifts.getOrDefault(job.caller().id(), Optional.empty()), voucher);
                orders.add(order);
                outcome = SaleOutcome.answer(answers.sold(order.view(show.title(), show.startsAt(), show.now())));
            } catch (ApiException refused) {
                outcome = SaleOutcome.answer(answers.refused(refused));
            }
            outcomes[positions.get(j)] = outcome;
            completions.add(new IdempotencyBatch.Completion(job.caller().id(), job.idempotencyKey(),
                    job.requestHash(), outcome.status(), outcome.body()));
        }
        Pipeline writes = tx.pipeline();
        ledger.writeSold(writes);
        NewOrder.insertAll(writes, orders);
        audit.recordAll(writes, orders.stream().map(order -> new Audit.Entry(order.caller().email(), "SALE",
                order.allocation().showId(), auditDetails(order.id(), order.channel(), order.allocation(),
                        order.payment()))).toList());
        IdempotencyBatch.storeAll(writes, completions);
        ShowVersions.bumpAll(writes, orders.stream().map(order -> order.allocation().showId()).toList());
        writes.run();
    }

    private NewOrder sellOne(Tx tx, SaleJob job, ShowFacts show, TierLedger ledger, Optional<UUID> shift,
                             Voucher voucher) {
        SaleWindow.Check open = window.forCaller(job.caller());
        open.require(show.onSale(), show.startsAt(), show.now());
        if (job.payment().method() == PaymentMethod.CASH && shift.isEmpty()) {
            throw Shifts.noOpenShift();
        }
        UUID shiftId = shift.orElse(null);
        UUID orderId = NewOrder.newId();
        if (show.mode() == SeatingMode.GA && job.wanted() instanceof BookingItems.TierQuantities quantities) {
            Allocation allocation = ledger.quote(job.showId(), quantities.items());
            if (voucher == null) {
                Payments.Settled settled = Payments.settle(job.payment(), allocation.totalCents());
                ledger.take(allocation);
                return newOrder(orderId, job, allocation, settled, shiftId, null);
            }
            // A voucher's claim is written at once, in a savepoint that a refusal after it (used up, declined) undoes.
            return tx.inSavepoint(t -> {
                Vouchers.Redeemed redeemed = claim(t, voucher, allocation, orderId);
                Payments.Settled settled = Payments.settle(job.payment(), redeemed.allocation().totalCents());
                ledger.take(allocation);
                return newOrder(orderId, job, redeemed.allocation(), settled, shiftId, redeemed.redemption());
            });
        }
        // Seats are picked and written one sale at a time, so each sale sees the seats the ones before it took.
        return tx.inSavepoint(t -> {
            Allocation allocation =
                    Allocator.allocate(t, layouts, job.showId(), job.wanted(), Allocator.Target.SOLD, null, open);
            Vouchers.Redeemed redeemed = voucher == null ? new Vouchers.Redeemed(allocation, null)
                    : claim(t, voucher, allocation, orderId);
            return newOrder(orderId, job, redeemed.allocation(),
                    Payments.settle(job.payment(), redeemed.allocation().totalCents()), shiftId,
                    redeemed.redemption());
        });
    }

    /** Redeems the voucher for the sale: one use per ticket, claimed now (a round trip), for the order. */
    private static Vouchers.Redeemed claim(Tx tx, Voucher voucher, Allocation allocation, UUID orderId) {
        int[] claimed = new int[1];
        Pipeline claim = tx.pipeline();
        Vouchers.Redeemed redeemed = Vouchers.redeem(voucher, allocation, null, orderId, claim,
                count -> claimed[0] = count);
        claim.run();
        Vouchers.requireClaimed(redeemed.redemption(), claimed[0]);
        return redeemed;
    }

    private static NewOrder newOrder(UUID orderId, SaleJob job, Allocation allocation, Payments.Settled settled,
                                     UUID shiftId, Redemption voucher) {
        return NewOrder.of(orderId, job.caller(), allocation, null, Channel.BOX_OFFICE, job.customerName(), settled,
                shiftId, voucher);
    }

    /** Locks the tiers general-admission sales name and every tier of the seated shows sold, in id order. */
    private static TierLedger lockStock(Tx tx, List<SaleJob> jobs, Map<Long, ShowFacts> shows) {
        List<Long> gaTiers = new ArrayList<>();
        Set<Long> seatedShows = new TreeSet<>();
        for (SaleJob job : jobs) {
            ShowFacts show = shows.get(job.showId());
            if (show == null) {
                continue;
            }
            if (show.mode() == SeatingMode.SEATED) {
                seatedShows.add(job.showId());
            } else if (job.wanted() instanceof BookingItems.TierQuantities quantities) {
                quantities.items().forEach(item -> gaTiers.add(item.tierId()));
            }
        }
        return TierLedger.lock(tx, gaTiers, seatedShows);
    }

    private static Map<Long, ShowFacts> showFacts(Pipeline reads, List<SaleJob> jobs) {
        Map<Long, ShowFacts> shows = new HashMap<>();
        reads.query("""
                SELECT s.id, s.seating_mode, s.on_sale, e.title, s.starts_at, now() AS now
                FROM shows s JOIN events e ON e.id = s.event_id WHERE s.id = ANY(?)""",
                row -> shows.put(row.getLong("id"), new ShowFacts(SeatingMode.valueOf(row.getString("seating_mode")),
                        row.getBoolean("on_sale"), row.getString("title"), Tx.instant(row, "starts_at"),
                        Tx.instant(row, "now"))),
                reads.bigints(new TreeSet<>(jobs.stream().map(SaleJob::showId).toList())));
        return shows;
    }

    /** Adds the look-up of each selling staff member's open shift, share-locked; fans (no shift) are absent. */
    private static Map<UUID, Optional<UUID>> openShifts(Pipeline reads, List<SaleJob> jobs) {
        Map<UUID, Optional<UUID>> shifts = new HashMap<>();
        for (SaleJob job : jobs) {
            UUID staffId = job.caller().id();
            if (job.caller().isStaff() && shifts.putIfAbsent(staffId, Optional.empty()) == null) {
                Shifts.openShiftOf(reads, staffId, shift -> shifts.put(staffId, Optional.of(shift)));
            }
        }
        return shifts;
    }

    public static Map<String, Object> auditDetails(UUID orderId, Channel channel, Allocation allocation,
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
