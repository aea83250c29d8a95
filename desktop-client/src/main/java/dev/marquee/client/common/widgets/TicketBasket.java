package dev.marquee.client.common.widgets;

import dev.marquee.model.booking.TierQuantity;
import dev.marquee.model.catalog.Availability;
import dev.marquee.model.catalog.TierAvailability;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The tiers of one show with their live counts and the quantities typed for them. Counts follow every newer
 * availability (from a refresh or a live push) without touching what was typed.
 */
public final class TicketBasket {

    private final ObservableList<BasketLine> lines = FXCollections.observableArrayList();
    private final ObservableList<BasketLine> readOnlyLines = FXCollections.unmodifiableObservableList(lines);
    private final ReadOnlyLongWrapper totalCents = new ReadOnlyLongWrapper(this, "totalCents");
    private final ReadOnlyIntegerWrapper ticketCount = new ReadOnlyIntegerWrapper(this, "ticketCount");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final boolean hiddenTiersListed;
    private long showId = -1;
    private long version = -1;

    /** A basket of every tier, hidden ones too: the counter's. */
    public TicketBasket() {
        this(true);
    }

    /** A basket that lists hidden tiers only when asked to: a fan's leaves them out (they need a voucher). */
    public TicketBasket(boolean hiddenTiersListed) {
        this.hiddenTiersListed = hiddenTiersListed;
    }

    // Properties

    public ObservableList<BasketLine> lines() {
        return readOnlyLines;
    }

    public ReadOnlyLongProperty totalCentsProperty() {
        return totalCents.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty ticketCountProperty() {
        return ticketCount.getReadOnlyProperty();
    }

    /** The first typed quantity that cannot be had, as a sentence; "" when all can. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public long showId() {
        return showId;
    }

    // Commands

    /**
     * Takes the counts of an availability. A different show starts a fresh basket; for the same show an older
     * version than the one shown is ignored (a slow refresh must not undo a newer push), and false is returned.
     */
    public boolean apply(Availability availability) {
        List<TierAvailability> listed = availability.tiers().stream()
                .filter(tier -> hiddenTiersListed || !Boolean.TRUE.equals(tier.hidden())).toList();
        if (availability.showId() != showId) {
            showId = availability.showId();
            version = availability.version();
            lines.setAll(listed.stream().map(this::newLine).toList());
            recount();
            return true;
        }
        if (availability.version() < version) {
            return false;
        }
        version = availability.version();
        Map<Long, TierAvailability> byId = listed.stream()
                .collect(Collectors.toMap(TierAvailability::tierId, Function.identity()));
        lines.removeIf(line -> !byId.containsKey(line.tierId()));
        for (TierAvailability tier : listed) {
            lines.stream().filter(line -> line.tierId() == tier.tierId()).findFirst()
                    .ifPresentOrElse(line -> line.update(tier), () -> lines.add(newLine(tier)));
        }
        recount();
        return true;
    }

    /** Forgets the show: nothing to sell until the next availability arrives. */
    public void clear() {
        showId = -1;
        version = -1;
        lines.clear();
        recount();
    }

    public void clearQuantities() {
        lines.forEach(line -> line.quantityTextProperty().set(""));
    }

    /** The typed quantities as the contract's items: each tier once, tiers with none left out. */
    public List<TierQuantity> items() {
        return lines.stream().filter(line -> line.quantityProperty().get() > 0)
                .map(line -> new TierQuantity(line.tierId(), line.quantityProperty().get())).toList();
    }

    public String tierName(long tierId) {
        return lines.stream().filter(line -> line.tierId() == tierId).map(line -> line.nameProperty().get())
                .findFirst().orElse("that tier");
    }

    public int priceCents(long tierId) {
        return lines.stream().filter(line -> line.tierId() == tierId).mapToInt(line -> line.priceCentsProperty().get())
                .findFirst().orElse(0);
    }

    private BasketLine newLine(TierAvailability tier) {
        BasketLine line = new BasketLine(tier);
        line.quantityProperty().addListener((property, before, now) -> recount());
        line.priceCentsProperty().addListener((property, before, now) -> recount());
        line.problemProperty().addListener((property, before, now) -> recount());
        return line;
    }

    private void recount() {
        totalCents.set(lines.stream()
                .mapToLong(line -> (long) line.quantityProperty().get() * line.priceCentsProperty().get()).sum());
        ticketCount.set(lines.stream().mapToInt(line -> line.quantityProperty().get()).sum());
        problem.set(lines.stream().map(line -> line.problemProperty().get()).filter(p -> !p.isEmpty())
                .findFirst().orElse(""));
    }
}
