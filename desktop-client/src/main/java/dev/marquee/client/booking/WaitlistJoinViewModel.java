package dev.marquee.client.booking;

import dev.marquee.client.common.TaskExecutor;
import dev.marquee.client.common.api.Failures;
import dev.marquee.client.common.api.ServerApi;
import dev.marquee.client.common.widgets.BasketLine;
import dev.marquee.client.common.widgets.ShowEntry;
import dev.marquee.model.booking.WaitlistRequest;
import dev.marquee.model.booking.WaitlistState;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * "Tell me when tickets come back": offered while the picked show is on sale and one of its tiers (those fans see)
 * has nothing left; the fan picks which sold-out tier to wait for and how many tickets. Called on the FX thread.
 */
public final class WaitlistJoinViewModel {

    /** A sold-out tier the fan may wait for. */
    public record TierChoice(long tierId, String name) {
    }

    private final ObservableList<TierChoice> tiers = FXCollections.observableArrayList();
    private final ObservableList<TierChoice> readOnlyTiers = FXCollections.unmodifiableObservableList(tiers);
    private final ObjectProperty<TierChoice> tier = new SimpleObjectProperty<>(this, "tier");
    private final StringProperty quantity = new SimpleStringProperty(this, "quantity", "1");
    private final ReadOnlyBooleanWrapper offered = new ReadOnlyBooleanWrapper(this, "offered");
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper(this, "headline", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");

    private final ServerApi api;
    private final TaskExecutor tasks;
    private final Runnable joined;
    private ShowEntry show;

    /** @param joined told after each join, to read the fan's waiting list again */
    public WaitlistJoinViewModel(ServerApi api, TaskExecutor tasks, Runnable joined) {
        this.api = api;
        this.tasks = tasks;
        this.joined = joined;
    }

    // Properties

    /** The picked show's sold-out tiers, in the show's order. */
    public ObservableList<TierChoice> tiers() {
        return readOnlyTiers;
    }

    /** The tier to wait for; the first sold-out one unless the fan picks another. */
    public ObjectProperty<TierChoice> tierProperty() {
        return tier;
    }

    /** How many tickets the fan wants when some come back (1 to 10). */
    public StringProperty quantityProperty() {
        return quantity;
    }

    /** True while a tier of the picked show on sale is sold out: the waiting list is offered. */
    public ReadOnlyBooleanProperty offeredProperty() {
        return offered.getReadOnlyProperty();
    }

    /** Whether the show or some of its tiers sold out, and what the list does. */
    public ReadOnlyStringProperty headlineProperty() {
        return headline.getReadOnlyProperty();
    }

    /** Where the fan stands on the waiting list, or why joining failed. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    // Commands

    /** Another show was picked: nothing is offered until its counts arrive. */
    void showPicked(ShowEntry entry) {
        show = entry;
        tiers.clear();
        tier.set(null);
        offered.set(false);
        message.set("");
    }

    /** The picked show's tiers with their live counts: the sold-out ones are the choice, the pick kept if it still is. */
    void update(ShowEntry entry, List<BasketLine> lines) {
        show = entry;
        List<TierChoice> soldOut = !entry.onSale() ? List.of() : lines.stream()
                .filter(line -> line.availableProperty().get() == 0)
                .map(line -> new TierChoice(line.tierId(), line.nameProperty().get())).toList();
        if (!soldOut.equals(tiers)) {
            TierChoice picked = tier.get();
            tiers.setAll(soldOut);
            tier.set(soldOut.contains(picked) ? picked : soldOut.isEmpty() ? null : soldOut.getFirst());
        }
        offered.set(!soldOut.isEmpty());
        headline.set(soldOut.size() == lines.size()
                ? "Sold out. Tickets that come back are held for the fans on the waiting list, in turn."
                : "Some tiers are sold out. Tickets of theirs that come back are held for the fans on the waiting"
                        + " list, in turn.");
    }

    /** Joins the picked show's waiting list for the chosen tier with the quantity typed. */
    public void join() {
        ShowEntry entry = show;
        TierChoice wanted = tier.get();
        if (entry == null || !offered.get()) {
            return;
        }
        if (wanted == null) {
            message.set("Pick the tier you want tickets of.");
            return;
        }
        String typed = quantity.get() == null ? "" : quantity.get().strip();
        if (!typed.matches("[0-9]{1,2}") || Integer.parseInt(typed) < 1 || Integer.parseInt(typed) > 10) {
            message.set("Type how many tickets you want, 1 to 10.");
            return;
        }
        tasks.run(() -> api.joinWaitlist(entry.showId(), new WaitlistRequest(wanted.tierId(),
                Integer.parseInt(typed))), made -> {
                    // An entry the fan already had answers again, with the tier it waits for.
                    String waitsFor = tiers.stream().filter(choice -> choice.tierId() == made.tierId())
                            .map(TierChoice::name).findFirst().orElse(wanted.name());
                    message.set(made.state() == WaitlistState.WAITING
                            ? "You're number " + made.position() + " on the waiting list for " + waitsFor
                                    + ". Tickets that come back are held for you here."
                            : "Tickets are held for you: check out before they go to the next fan.");
                    joined.run();
                }, failure -> message.set(Failures.describe(failure)));
    }
}
