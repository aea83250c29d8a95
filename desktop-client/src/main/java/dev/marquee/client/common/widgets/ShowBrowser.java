package dev.marquee.client.common.widgets;

import dev.marquee.client.common.TaskExecutor;
import dev.marquee.client.common.api.Failures;
import dev.marquee.client.common.api.ServerApi;
import dev.marquee.client.common.format.ShowTimes;
import dev.marquee.model.catalog.Availability;
import dev.marquee.model.live.QueueMessage;
import java.util.List;
import java.util.function.Consumer;
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
import javafx.collections.transformation.FilteredList;

/**
 * The searchable list of shows both the box office and the fan pick from: today's first, each with what is
 * left. Picking a show tells the owner, which loads the show itself.
 */
public final class ShowBrowser {

    private final ObservableList<ShowEntry> all = FXCollections.observableArrayList();
    private final FilteredList<ShowEntry> visible = new FilteredList<>(all);
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final ReadOnlyObjectWrapper<ShowEntry> selected = new ReadOnlyObjectWrapper<>(this, "selected");
    private final ReadOnlyObjectWrapper<List<Long>> showIds = new ReadOnlyObjectWrapper<>(this, "showIds", List.of());
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper(this, "errorMessage", "");

    private final ServerApi api;
    private final TaskExecutor tasks;
    private final ShowListing listing;
    private final Consumer<ShowEntry> onSelect;

    public ShowBrowser(ServerApi api, TaskExecutor tasks, ShowTimes times, Consumer<ShowEntry> onSelect) {
        this.api = api;
        this.tasks = tasks;
        this.listing = new ShowListing(times);
        this.onSelect = onSelect;
        search.addListener((property, before, now) -> visible.setPredicate(entry -> entry.matches(now)));
    }

    // Properties

    /** The shows matching the search, soonest first. */
    public ObservableList<ShowEntry> shows() {
        return visible;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ReadOnlyObjectProperty<ShowEntry> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorMessageProperty() {
        return errorMessage.getReadOnlyProperty();
    }

    // Commands

    /** Loads the shows, keeps the picked one if it is still there (else picks the first), then what is left. */
    public void refresh() {
        if (busy.get()) {
            return;
        }
        busy.set(true);
        tasks.run(api::events, events -> {
            busy.set(false);
            errorMessage.set("");
            List<ShowEntry> entries = listing.entries(events);
            long keep = selected.get() == null ? -1 : selected.get().showId();
            all.setAll(entries);
            showIds.set(entries.stream().map(ShowEntry::showId).toList());
            select(entries.stream().filter(entry -> entry.showId() == keep).findFirst()
                    .orElse(visible.isEmpty() ? null : visible.getFirst()));
            entries.stream().filter(ShowEntry::onSale).forEach(this::loadStock);
        }, failure -> {
            busy.set(false);
            errorMessage.set(Failures.describe(failure));
        });
    }

    public void select(ShowEntry entry) {
        ShowEntry before = selected.get();
        selected.set(entry);
        // The same show again (a refresh) is no new pick: what was typed for it stays.
        boolean sameShow = before != null && entry != null && before.showId() == entry.showId();
        if (!sameShow && entry != before) {
            onSelect.accept(entry);
        }
    }

    /** A newer count for a show (a refresh or a live push) updates its line. */
    public void applyAvailability(Availability availability) {
        all.stream().filter(entry -> entry.showId() == availability.showId())
                .forEach(entry -> entry.applyAvailability(availability));
    }

    /** A move of a listed show's waiting line updates its "in line" badge. */
    public void applyLine(QueueMessage message) {
        all.stream().filter(entry -> entry.showId() == message.showId()).forEach(entry -> entry.applyLine(message));
    }

    /** The other dates of an event, on sale or opening later, soonest first. */
    public List<ShowEntry> otherDates(ShowEntry entry) {
        return all.stream().filter(other -> other.eventTitle().equals(entry.eventTitle())
                && other.showId() != entry.showId() && (other.onSale() || other.onSaleAt() != null)).toList();
    }

    /** Every listed show (whatever the search), for the live connection to follow. */
    public ReadOnlyObjectProperty<List<Long>> showIdsProperty() {
        return showIds.getReadOnlyProperty();
    }

    private void loadStock(ShowEntry entry) {
        // The list's counts are a courtesy: a show whose count cannot be had keeps an empty badge.
        tasks.run(() -> api.availability(entry.showId()), entry::applyAvailability, failure -> { });
    }
}
