package dev.marquee.client.admin.tiers;

import dev.marquee.client.admin.shows.ShowRow;
import dev.marquee.client.common.TaskExecutor;
import dev.marquee.client.common.api.Failures;
import dev.marquee.client.common.api.ServerApi;
import dev.marquee.client.common.format.Money;
import dev.marquee.model.admin.TierRequest;
import dev.marquee.model.admin.VenueView;
import dev.marquee.model.catalog.SeatAvailability;
import dev.marquee.model.error.ErrorCode;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * A new tier for the picked show: a name and a price, and either a capacity (general admission) or the seats
 * that are in no tier yet (seated), taken by section and a range of rows. All methods run on the FX thread.
 */
public final class NewTierForm {

    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty price = new SimpleStringProperty(this, "price", "");
    private final StringProperty capacity = new SimpleStringProperty(this, "capacity", "");
    /** Hidden: not listed to fans, held only with an UNLOCK voucher (the counter still sells it). */
    private final BooleanProperty hidden = new SimpleBooleanProperty(this, "hidden", false);
    private final FreeSeatChoice seats = new FreeSeatChoice();
    private final ReadOnlyBooleanWrapper seated = new ReadOnlyBooleanWrapper(this, "seated");
    private final ReadOnlyBooleanWrapper canAdd = new ReadOnlyBooleanWrapper(this, "canAdd");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper(this, "errorMessage", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");

    private final ServerApi api;
    private final TaskExecutor tasks;
    private final Predicate<String> nameTaken;
    private final Runnable inventoryChanged;
    private ShowRow show;

    /**
     * @param nameTaken whether the show already has a tier of that name
     * @param inventoryChanged told when the show's tiers or seats are known to have changed: a tier was added, or
     *                         the seats chosen for one were taken meanwhile
     */
    NewTierForm(ServerApi api, TaskExecutor tasks, Predicate<String> nameTaken, Runnable inventoryChanged) {
        this.api = api;
        this.tasks = tasks;
        this.nameTaken = nameTaken;
        this.inventoryChanged = inventoryChanged;
    }

    // Properties

    public StringProperty nameProperty() {
        return name;
    }

    /** In dollars, as typed. */
    public StringProperty priceProperty() {
        return price;
    }

    /** Tickets, as typed; general admission only. */
    public BooleanProperty hiddenProperty() {
        return hidden;
    }

    public StringProperty capacityProperty() {
        return capacity;
    }

    /** The free seats offered to a seated show's new tier. */
    public FreeSeatChoice seats() {
        return seats;
    }

    public ReadOnlyBooleanProperty seatedProperty() {
        return seated.getReadOnlyProperty();
    }

    /** False with no show picked, or on a seated show whose seats are all in tiers already. */
    public ReadOnlyBooleanProperty canAddProperty() {
        return canAdd.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorMessageProperty() {
        return errorMessage.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    // Commands

    void showChanged(ShowRow now) {
        ShowRow before = show;
        show = now;
        if (now == null || before == null || before.showId() != now.showId()) {
            clearInputs();
            errorMessage.set("");
            message.set("");
            seated.set(now != null && now.seated());
            seats.venueSeatsChanged(null);
            seats.seatsChanged(List.of());
            if (now != null && now.seated()) {
                loadVenueSeats(now.showId());
            }
        }
        recheck();
    }

    /** The seats of the picked (seated) show as last heard. */
    void seatsChanged(Collection<SeatAvailability> all) {
        seats.seatsChanged(all);
        recheck();
    }

    public void add() {
        ShowRow target = show;
        if (busy.get() || !canAdd.get() || target == null) {
            return;
        }
        Optional<String> problem = problem();
        if (problem.isPresent()) {
            errorMessage.set(problem.get());
            message.set("");
            return;
        }
        String tierName = name.get().strip();
        int cents = Money.parse(price.get()).orElseThrow().intValue();
        Boolean hiddenTier = hidden.get() ? Boolean.TRUE : null;
        TierRequest request = seated.get() ? new TierRequest(tierName, cents, null, seats.chosenSeatIds(), hiddenTier)
                : new TierRequest(tierName, cents, Integer.parseInt(capacity.get().strip()), null, hiddenTier);
        busy.set(true);
        errorMessage.set("");
        message.set("");
        tasks.run(() -> api.admin().createTier(target.showId(), request), tier -> {
            busy.set(false);
            // The administrator may have picked another show meanwhile; the answer is not about that one.
            if (show == target) {
                clearInputs();
                message.set("Added " + tier.name() + ": " + tier.capacity()
                        + (target.seated() ? " seats" : " tickets") + " at " + Money.format(tier.priceCents())
                        + (Boolean.TRUE.equals(tier.hidden()) ? ", hidden (an UNLOCK voucher opens it)." : "."));
            }
            inventoryChanged.run();
        }, failure -> {
            busy.set(false);
            boolean seatsTaken = Failures.is(failure, ErrorCode.SEAT_UNAVAILABLE);
            if (show == target) {
                errorMessage.set(seatsTaken
                        ? "Some of those seats joined another tier meanwhile: the free seats are read again, choose again."
                        : Failures.describe(failure));
            }
            if (seatsTaken) {
                inventoryChanged.run();
            }
        });
    }

    /** The show's own seats list only those in a tier; every seat of the show is a seat of its venue. */
    private void loadVenueSeats(long showId) {
        tasks.run(() -> {
            long venueId = api.show(showId).venue().id();
            return api.admin().venues().stream().filter(venue -> venue.id() == venueId).findFirst()
                    .map(VenueView::seats).orElse(List.of());
        }, venueSeats -> {
            if (show != null && show.showId() == showId) {
                seats.venueSeatsChanged(venueSeats);
                recheck();
            }
        }, failure -> {
            if (show != null && show.showId() == showId) {
                errorMessage.set(Failures.describe(failure));
            }
        });
    }

    private Optional<String> problem() {
        String tierName = name.get() == null ? "" : name.get().strip();
        if (tierName.isEmpty() || tierName.length() > 100) {
            return Optional.of("Type a name for the new tier (up to 100 characters).");
        }
        if (nameTaken.test(tierName)) {
            return Optional.of("This show already has a tier called " + tierName + ".");
        }
        Optional<Long> cents = Money.parse(price.get());
        if (cents.isEmpty() || cents.get() > TierChange.MAX_PRICE_CENTS) {
            return Optional.of("Type the new tier's price in dollars, for example 40.00.");
        }
        if (seated.get()) {
            return seats.problem();
        }
        String typed = capacity.get() == null ? "" : capacity.get().strip();
        if (!typed.matches("[0-9]{1,7}") || Integer.parseInt(typed) > TierChange.MAX_CAPACITY) {
            return Optional.of("Type how many tickets the new tier has, for example 100.");
        }
        return Optional.empty();
    }

    private void recheck() {
        canAdd.set(show != null && (!seated.get() || seats.anyFreeProperty().get()));
    }

    private void clearInputs() {
        name.set("");
        price.set("");
        capacity.set("");
        hidden.set(false);
    }
}
