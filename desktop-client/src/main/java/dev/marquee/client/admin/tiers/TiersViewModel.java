package dev.marquee.client.admin.tiers;

import dev.marquee.client.admin.shows.ShowRow;
import dev.marquee.client.admin.shows.ShowTool;
import dev.marquee.client.common.TaskExecutor;
import dev.marquee.client.common.api.ApiException;
import dev.marquee.client.common.api.Failures;
import dev.marquee.client.common.api.ServerApi;
import dev.marquee.model.admin.ShowPatch;
import dev.marquee.model.admin.TierPatch;
import dev.marquee.model.catalog.Availability;
import dev.marquee.model.error.ErrorCode;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The tiers of the picked show with their live figures, a new price or capacity for one of them (worded before
 * it is saved), a new tier, and the show's on-sale switch. All methods are called on the FX thread.
 */
public final class TiersViewModel implements ShowTool {

    private final ShowInventory inventory = new ShowInventory(this::inventoryChanged);
    private final ObservableList<TierLine> readOnlyTiers = FXCollections.unmodifiableObservableList(inventory.tiers());
    private final ReadOnlyObjectWrapper<ShowRow> show = new ReadOnlyObjectWrapper<>(this, "show");
    private final ReadOnlyBooleanWrapper onSale = new ReadOnlyBooleanWrapper(this, "onSale");
    private final ReadOnlyObjectWrapper<TierLine> selected = new ReadOnlyObjectWrapper<>(this, "selected");
    private final StringProperty price = new SimpleStringProperty(this, "price", "");
    private final StringProperty capacity = new SimpleStringProperty(this, "capacity", "");
    private final ReadOnlyBooleanWrapper capacityEditable = new ReadOnlyBooleanWrapper(this, "capacityEditable");
    private final ReadOnlyStringWrapper capacityNote = new ReadOnlyStringWrapper(this, "capacityNote", "");
    private final ReadOnlyStringWrapper hint = new ReadOnlyStringWrapper(this, "hint", "");
    private final ReadOnlyStringWrapper impact = new ReadOnlyStringWrapper(this, "impact", "");
    private final ReadOnlyStringWrapper priceProblem = new ReadOnlyStringWrapper(this, "priceProblem", "");
    private final ReadOnlyStringWrapper capacityProblem = new ReadOnlyStringWrapper(this, "capacityProblem", "");
    private final ReadOnlyBooleanWrapper canSave = new ReadOnlyBooleanWrapper(this, "canSave");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper(this, "errorMessage", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final NewTierForm newTier;
    private TierChange change = TierChange.NONE;

    private final ServerApi api;
    private final TaskExecutor tasks;
    private final Runnable catalogChanged;

    /** @param catalogChanged told after the show goes on or off sale, so the show list says so */
    public TiersViewModel(ServerApi api, TaskExecutor tasks, Runnable catalogChanged) {
        this.api = api;
        this.tasks = tasks;
        this.catalogChanged = catalogChanged;
        this.newTier = new NewTierForm(api, tasks,
                name -> inventory.tiers().stream().anyMatch(line -> line.nameProperty().get().equalsIgnoreCase(name)),
                this::reload);
        price.addListener((property, before, now) -> recompute());
        capacity.addListener((property, before, now) -> recompute());
        busy.addListener((property, before, now) -> recompute());
        recompute();
    }

    // Properties

    /** The picked show's tiers, updated in place as pushes arrive. */
    public ObservableList<TierLine> tiers() {
        return readOnlyTiers;
    }

    /** The picked show; null when none is. */
    public ReadOnlyObjectProperty<ShowRow> showProperty() {
        return show.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty onSaleProperty() {
        return onSale.getReadOnlyProperty();
    }

    /** The tier being changed; null when none is selected. */
    public ReadOnlyObjectProperty<TierLine> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** The new price in dollars, as typed; blank keeps the price. */
    public StringProperty priceProperty() {
        return price;
    }

    /** The new capacity, as typed; blank keeps it. General admission only. */
    public StringProperty capacityProperty() {
        return capacity;
    }

    /** False on a seated show: a seated tier's capacity is its seats. */
    public ReadOnlyBooleanProperty capacityEditableProperty() {
        return capacityEditable.getReadOnlyProperty();
    }

    /** Why the capacity cannot be typed (a seated show), or "". */
    public ReadOnlyStringProperty capacityNoteProperty() {
        return capacityNote.getReadOnlyProperty();
    }

    /** What to do next when there is nothing to change yet ("Pick a show on the left."), else "". */
    public ReadOnlyStringProperty hintProperty() {
        return hint.getReadOnlyProperty();
    }

    /** What saving would do, kept up to date as the admin types and as pushes arrive. */
    public ReadOnlyStringProperty impactProperty() {
        return impact.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty priceProblemProperty() {
        return priceProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty capacityProblemProperty() {
        return capacityProblem.getReadOnlyProperty();
    }

    /** True when a tier is selected, something is typed that changes it, and nothing stands in the way. */
    public ReadOnlyBooleanProperty canSaveProperty() {
        return canSave.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorMessageProperty() {
        return errorMessage.getReadOnlyProperty();
    }

    /** What the last change did. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public NewTierForm newTier() {
        return newTier;
    }

    // Commands

    @Override
    public void showPicked(ShowRow now) {
        ShowRow before = show.get();
        show.set(now);
        onSale.set(now != null && now.onSale());
        newTier.showChanged(now);
        // The list reloads after a sale switch and hands over the same show again: keep what is on screen.
        if (now != null && before != null && before.showId() == now.showId()) {
            return;
        }
        inventory.clear();
        capacityEditable.set(now != null && !now.seated());
        capacityNote.set(now != null && now.seated()
                ? "A seated tier's capacity is its seats: block or unblock seats to change it." : "");
        errorMessage.set("");
        message.set("");
        select(null);
        recompute();
        if (now != null) {
            reload();
        }
    }

    @Override
    public void applyAvailability(Availability availability) {
        ShowRow picked = show.get();
        if (picked == null || availability.showId() != picked.showId()) {
            return;
        }
        inventory.pushed(availability);
    }

    /** After every change to the picked show's inventory: the seats offered for a new tier, the selection. */
    private void inventoryChanged() {
        newTier.seatsChanged(inventory.seats());
        if (selected.get() != null && !inventory.tiers().contains(selected.get())) {
            select(null);
        }
        recompute();
    }

    /** The tier to change; what was typed is cleared when another one is selected. */
    public void select(TierLine line) {
        if (line == selected.get()) {
            return;
        }
        selected.set(line);
        price.set("");
        capacity.set("");
        recompute();
    }

    public void save() {
        TierLine line = selected.get();
        ShowRow picked = show.get();
        if (busy.get() || line == null || picked == null || !change.canSave()) {
            return;
        }
        TierPatch patch = change.patch();
        busy.set(true);
        errorMessage.set("");
        message.set("");
        tasks.run(() -> api.admin().changeTier(line.tierId(), patch), saved -> {
            busy.set(false);
            if (show.get() != picked) {
                return;
            }
            line.update(saved);
            if (line == selected.get()) {
                price.set("");
                capacity.set("");
            }
            message.set(TierChange.saved(saved, patch));
            recompute();
        }, failure -> {
            busy.set(false);
            if (show.get() != picked) {
                return;
            }
            if (Failures.is(failure, ErrorCode.CAPACITY_BELOW_COMMITTED)) {
                errorMessage.set(TierChange.refused(((ApiException) failure).body(), line, patch.capacity()));
                // Fresh figures, so the sentence under the fields and the Save button agree with the server.
                reload();
            } else {
                errorMessage.set(Failures.describe(failure));
            }
        });
    }

    /** Takes the show off sale, or puts it on sale. */
    public void toggleSale() {
        ShowRow picked = show.get();
        if (busy.get() || picked == null) {
            return;
        }
        boolean wanted = !onSale.get();
        busy.set(true);
        errorMessage.set("");
        message.set("");
        tasks.run(() -> api.admin().changeShow(picked.showId(), ShowPatch.onSale(wanted)), detail -> {
            busy.set(false);
            if (isPicked(detail.id())) {
                onSale.set(detail.onSale());
                message.set(detail.onSale() ? "On sale: fans and the box office can buy tickets."
                        : "Off sale: nobody can buy tickets until it is put back on sale.");
            }
            catalogChanged.run();
        }, failure -> {
            busy.set(false);
            if (isPicked(picked.showId())) {
                errorMessage.set(Failures.describe(failure));
            }
        });
    }

    private void reload() {
        ShowRow picked = show.get();
        if (picked == null) {
            return;
        }
        inventory.loading();
        tasks.run(() -> api.availability(picked.showId()), full -> {
            if (isPicked(picked.showId())) {
                inventory.loaded(full);
            }
        }, failure -> {
            if (isPicked(picked.showId())) {
                inventory.loadFailed();
                errorMessage.set(Failures.describe(failure));
            }
        });
    }

    private boolean isPicked(long showId) {
        return show.get() != null && show.get().showId() == showId;
    }

    private void recompute() {
        TierLine line = selected.get();
        change = line == null ? TierChange.NONE
                : TierChange.of(line, price.get(), capacityEditable.get() ? capacity.get() : "");
        impact.set(change.impact());
        priceProblem.set(change.priceProblem());
        capacityProblem.set(change.capacityProblem());
        canSave.set(change.canSave() && !busy.get());
        hint.set(show.get() == null ? "Pick a show on the left."
                : line == null ? "Select a tier to change its price" + (capacityEditable.get() ? " or capacity." : ".")
                : "");
    }
}
