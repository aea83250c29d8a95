package dev.marquee.client.common.widgets;

import dev.marquee.client.common.api.Failures;
import dev.marquee.model.catalog.Availability;
import dev.marquee.model.catalog.SeatingMode;
import java.util.List;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * What is being bought for one show: quantities per tier (general admission, or best available on a seated
 * show) or seats picked on the map, never both, with the total and the first reason it cannot be had.
 */
public final class TicketPick implements Failures.InventoryNames {

    private final TicketBasket basket;
    private final SeatMapViewModel seatMap = new SeatMapViewModel();
    private final ReadOnlyLongWrapper totalCents = new ReadOnlyLongWrapper(this, "totalCents");
    private final ReadOnlyIntegerWrapper ticketCount = new ReadOnlyIntegerWrapper(this, "ticketCount");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");

    /** The counter's pick: every tier, hidden ones too. */
    public TicketPick() {
        this(true);
    }

    /** {@code hiddenTiersListed} false: a fan's pick, whose tiers leave hidden ones out. */
    public TicketPick(boolean hiddenTiersListed) {
        basket = new TicketBasket(hiddenTiersListed);
        basket.totalCentsProperty().addListener((property, before, now) -> recount());
        basket.ticketCountProperty().addListener((property, before, now) -> recount());
        basket.problemProperty().addListener((property, before, now) -> recount());
        seatMap.selectedCountProperty().addListener((property, before, now) -> recount());
    }

    // Properties

    public TicketBasket basket() {
        return basket;
    }

    public SeatMapViewModel seatMap() {
        return seatMap;
    }

    public ReadOnlyLongProperty totalCentsProperty() {
        return totalCents.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty ticketCountProperty() {
        return ticketCount.getReadOnlyProperty();
    }

    /** Why this pick cannot be bought as it stands, or "" when it can (or when nothing is picked yet). */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    // Commands

    /** Takes an availability (a refresh or a live push); false when it is older than the one shown. */
    public boolean apply(Availability availability, SeatingMode mode) {
        boolean newer = basket.apply(availability);
        if (newer) {
            seatMap.apply(availability.showId(), mode == SeatingMode.SEATED ? availability.seats() : null);
        }
        recount();
        return newer;
    }

    public void clear() {
        basket.clear();
        seatMap.clear();
        recount();
    }

    /** Empties the quantities and the picked seats, keeping the show. */
    public void clearChoice() {
        basket.clearQuantities();
        seatMap.clearSelection();
    }

    public boolean picksSeats() {
        return seatMap.selectedCountProperty().get() > 0;
    }

    public List<Long> seatIds() {
        return seatMap.selectedSeats().stream().map(SeatCell::seatId).toList();
    }

    /** Why nothing can be sent yet, including "nothing chosen"; empty text never means "go". */
    public String blockingProblem() {
        if (!problem.get().isEmpty()) {
            return problem.get();
        }
        return ticketCount.get() == 0 ? "Type how many tickets, or pick seats on the map." : "";
    }

    @Override
    public String tierName(long tierId) {
        return basket.tierName(tierId);
    }

    @Override
    public String seatLabel(long seatId) {
        return seatMap.seatLabel(seatId);
    }

    /** Each ticket picked, by its tier and price: the seats picked, else the quantities typed. */
    public List<Ticket> tickets() {
        if (picksSeats()) {
            return seatMap.selectedSeats().stream()
                    .map(cell -> new Ticket(cell.tierId(), basket.priceCents(cell.tierId()))).toList();
        }
        return basket.items().stream().flatMap(item -> java.util.stream.Stream.generate(
                () -> new Ticket(item.tierId(), basket.priceCents(item.tierId()))).limit(item.quantity())).toList();
    }

    /** One ticket of a pick: its tier and its price before any voucher. */
    public record Ticket(long tierId, int priceCents) {
    }

    private void recount() {
        boolean seats = picksSeats();
        boolean quantities = basket.ticketCountProperty().get() > 0;
        if (seats) {
            totalCents.set(seatMap.selectedSeats().stream()
                    .mapToLong(cell -> basket.priceCents(cell.tierId())).sum());
            ticketCount.set(seatMap.selectedCountProperty().get());
        } else {
            totalCents.set(basket.totalCentsProperty().get());
            ticketCount.set(basket.ticketCountProperty().get());
        }
        if (seats && quantities) {
            problem.set("Pick seats on the map or type quantities for the best available, not both.");
        } else {
            problem.set(seats ? "" : basket.problemProperty().get());
        }
    }
}
