package dev.marquee.server.booking.stock;

import dev.marquee.model.booking.TierQuantity;
import dev.marquee.model.catalog.SeatingMode;
import dev.marquee.server.booking.stock.LockOrder;
import dev.marquee.server.db.Pipeline;
import dev.marquee.server.db.Tx;
import dev.marquee.server.error.ApiException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Takes stock for a hold (seats become HELD) or a sale (SOLD), all or nothing, inside the caller's transaction.
 * Locks follow {@link Stock}'s global order; the caller bumps the show's version as its last statement.
 */
public final class Allocator {

    /** What the taken stock becomes. */
    public enum Target { HELD, SOLD }

    private Allocator() {
    }

    public static Allocation allocate(Tx tx, VenueLayouts layouts, long showId, BookingItems wanted, Target target,
                               UUID holdId, SaleWindow.Check window) {
        Pipeline writes = tx.pipeline();
        Allocation allocation = allocate(tx, layouts, showId, wanted, target, holdId, window, writes);
        writes.run();
        return allocation;
    }

    /**
     * As above, with the stock's writes (counters, seats) added to {@code writes} for the caller to send together
     * with its own, in one round trip; until they run, a later allocation in the transaction does not see them.
     */
    public static Allocation allocate(Tx tx, VenueLayouts layouts, long showId, BookingItems wanted, Target target,
                               UUID holdId, SaleWindow.Check window, Pipeline writes) {
        Stock.Show show = Stock.show(tx, showId);
        window.require(show.onSale(), show.startsAt(), show.now());
        Allocation allocation = switch (wanted) {
            case BookingItems.ChosenSeats chosen -> chosenSeats(tx, show, chosen.seatIds());
            case BookingItems.TierQuantities quantities -> byQuantity(tx, layouts, show, quantities.items());
        };
        for (Allocation.Line line : allocation.lines()) {
            if (target == Target.HELD) {
                Stock.addHeldChange(writes, line.tierId(), line.quantity());
            } else {
                Stock.addSoldChange(writes, line.tierId(), line.quantity());
            }
        }
        Stock.addSetSeats(writes, showId, allocation.seatIds(), target.name(), target == Target.HELD ? holdId : null);
        return allocation;
    }

    private static Allocation chosenSeats(Tx tx, Stock.Show show, List<Long> seatIds) {
        if (show.mode() != SeatingMode.SEATED) {
            throw ApiException.validation("seatIds", "This show has general admission; ask for tier quantities.");
        }
        List<LockOrder.Seat> peeked = LockOrder.peekSeats(tx, show.id(), seatIds);
        if (peeked.size() != seatIds.size()) {
            Set<Long> missing = new TreeSet<>(seatIds);
            peeked.forEach(seat -> missing.remove(seat.seatId()));
            throw ApiException.notFound("There is no seat " + missing.iterator().next() + " in show " + show.id() + ".");
        }
        List<Long> notForSale = peeked.stream().filter(seat -> seat.tierId() == null).map(LockOrder.Seat::seatId).toList();
        if (!notForSale.isEmpty()) {
            throw Stock.seatsUnavailable(notForSale);
        }
        Map<Long, LockOrder.Tier> tiers = LockOrder.tiersOfShow(tx, show.id(),
                peeked.stream().map(LockOrder.Seat::tierId).collect(java.util.stream.Collectors.toCollection(TreeSet::new)));
        List<LockOrder.Seat> locked = LockOrder.seats(tx, show.id(), seatIds);
        List<Long> taken = locked.stream().filter(seat -> !seat.status().equals("AVAILABLE"))
                .map(LockOrder.Seat::seatId).toList();
        if (!taken.isEmpty()) {
            throw Stock.seatsUnavailable(taken);
        }
        Map<Long, Integer> perTier = new LinkedHashMap<>();
        List<Allocation.PickedSeat> seats = new ArrayList<>();
        for (LockOrder.Seat seat : locked) {
            perTier.merge(seat.tierId(), 1, Integer::sum);
            seats.add(new Allocation.PickedSeat(seat.seatId(), seat.tierId(), seat.label()));
        }
        List<Allocation.Line> lines = perTier.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(entry -> line(tiers.get(entry.getKey()), entry.getValue())).toList();
        return new Allocation(show.id(), lines, seats);
    }

    private static Allocation byQuantity(Tx tx, VenueLayouts layouts, Stock.Show show, List<TierQuantity> items) {
        Map<Long, LockOrder.Tier> tiers = LockOrder.tiersOfShow(tx, show.id(), items.stream().map(TierQuantity::tierId).toList());
        List<Allocation.Line> lines = new ArrayList<>();
        List<Allocation.PickedSeat> seats = new ArrayList<>();
        for (TierQuantity item : items) {
            LockOrder.Tier tier = tiers.get(item.tierId());
            int quantity = item.quantity();
            if (tier.available() < quantity) {
                throw Stock.insufficient(tier, quantity, tier.available() == 0
                        ? tier.name() + " is sold out."
                        : "Only " + tier.available() + " left in " + tier.name() + "; you asked for " + quantity + ".");
            }
            if (show.mode() == SeatingMode.SEATED) {
                seats.addAll(bestAvailable(tx, layouts.of(tx, show.venueId()), show.id(), tier, quantity));
            }
            lines.add(line(tier, quantity));
        }
        return new Allocation(show.id(), lines, seats);
    }

    private static List<Allocation.PickedSeat> bestAvailable(Tx tx, VenueLayout layout, long showId, LockOrder.Tier tier,
                                                             int quantity) {
        Optional<List<SeatPicker.Candidate>> block =
                BestAvailableQuery.bestBlock(tx, layout, showId, tier.id(), quantity);
        if (block.isEmpty()) {
            throw Stock.insufficient(tier, quantity, "There are no " + quantity + " seats together left in "
                    + tier.name() + ". Please choose seats on the map.");
        }
        List<Long> ids = block.get().stream().map(SeatPicker.Candidate::seatId).toList();
        List<LockOrder.Seat> locked = LockOrder.seatsStillAvailable(tx, showId, ids);
        if (locked.size() != ids.size()) {
            // The tier lock we hold makes this unreachable for well-behaved writers; refuse rather than guess.
            throw Stock.insufficient(tier, quantity, "Those seats were just taken. Please try again.");
        }
        return locked.stream().map(seat -> new Allocation.PickedSeat(seat.seatId(), tier.id(), seat.label())).toList();
    }

    private static Allocation.Line line(LockOrder.Tier tier, int quantity) {
        return new Allocation.Line(tier.id(), tier.name(), quantity, tier.priceCents());
    }
}
