package dev.marquee.client.admin.tiers;

import dev.marquee.model.catalog.Availability;
import dev.marquee.model.catalog.SeatAvailability;
import dev.marquee.model.catalog.TierAvailability;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The picked show's tiers and seats as last heard: one full read when it is picked, then pushes. A push names only
 * the seats that changed, so pushes heard while the full read is under way wait for it and follow it, the newer
 * ones only; applied first, they would leave the seat list without every other seat.
 */
final class ShowInventory {

    private final ObservableList<TierLine> tiers = FXCollections.observableArrayList();
    private final Map<Long, SeatAvailability> seats = new LinkedHashMap<>();
    private final Runnable changed;
    private long version = -1;
    private List<Availability> heardWhileLoading;

    /** @param changed told after every change applied */
    ShowInventory(Runnable changed) {
        this.changed = changed;
    }

    /** Tiers in the order the server lists them, updated in place so a selection survives a push. */
    ObservableList<TierLine> tiers() {
        return tiers;
    }

    Collection<SeatAvailability> seats() {
        return seats.values();
    }

    /** Another show: nothing known until its full read arrives. */
    void clear() {
        tiers.clear();
        seats.clear();
        version = -1;
        heardWhileLoading = null;
    }

    /** A full read is on its way; pushes wait for it. */
    void loading() {
        heardWhileLoading = new ArrayList<>();
    }

    void loaded(Availability full) {
        List<Availability> heard = heardWhileLoading == null ? List.of() : heardWhileLoading;
        heardWhileLoading = null;
        seats.clear();
        apply(full);
        heard.forEach(this::apply);
    }

    /** The full read failed: pushes are applied as they come, which is the best left to do. */
    void loadFailed() {
        List<Availability> heard = heardWhileLoading == null ? List.of() : heardWhileLoading;
        heardWhileLoading = null;
        heard.forEach(this::apply);
    }

    void pushed(Availability availability) {
        if (heardWhileLoading != null) {
            heardWhileLoading.add(availability);
        } else {
            apply(availability);
        }
    }

    private void apply(Availability availability) {
        if (availability.version() < version) {
            return;
        }
        version = availability.version();
        Map<Long, TierAvailability> byId = new LinkedHashMap<>();
        availability.tiers().forEach(tier -> byId.put(tier.tierId(), tier));
        tiers.removeIf(line -> !byId.containsKey(line.tierId()));
        for (TierAvailability tier : byId.values()) {
            tiers.stream().filter(line -> line.tierId() == tier.tierId()).findFirst()
                    .ifPresentOrElse(line -> line.update(tier), () -> tiers.add(new TierLine(tier)));
        }
        if (availability.seats() != null) {
            availability.seats().forEach(seat -> seats.put(seat.seatId(), seat));
        }
        changed.run();
    }
}
