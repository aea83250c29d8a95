package dev.marquee.client.admin.setup;

import dev.marquee.client.admin.shows.ShowRow;
import dev.marquee.client.admin.shows.ShowTool;
import dev.marquee.client.common.TaskExecutor;
import dev.marquee.client.common.api.Failures;
import dev.marquee.client.common.api.ServerApi;
import dev.marquee.client.common.format.ShowTimes;
import dev.marquee.model.admin.VenueView;
import dev.marquee.model.catalog.EventSummary;
import dev.marquee.model.catalog.ShowDetail;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The "Set up" tool: the venues there are, and forms for a new venue, event and show. Its work hardly
 * depends on the picked show; the picked show's event is only the default for the next new show.
 */
public final class SetupViewModel implements ShowTool {

    private static final Comparator<EventEntry> BY_TITLE = Comparator.comparing(
            (EventEntry event) -> event.title().toLowerCase(Locale.ROOT)).thenComparingLong(EventEntry::id);

    private final ObservableList<VenueEntry> venues = FXCollections.observableArrayList();
    private final ObservableList<EventEntry> events = FXCollections.observableArrayList();
    private final ObservableList<VenueEntry> readOnlyVenues = FXCollections.unmodifiableObservableList(venues);
    private final ObservableList<EventEntry> readOnlyEvents = FXCollections.unmodifiableObservableList(events);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper(this, "errorMessage", "");
    private final VenueFormViewModel venueForm;
    private final EventFormViewModel eventForm;
    private final ShowFormViewModel showForm;
    private Long pickedEventId;

    private final ServerApi api;
    private final TaskExecutor tasks;
    private final Runnable catalogChanged;

    /** catalogChanged runs after each new event or show, so the show list can reload. */
    public SetupViewModel(ServerApi api, TaskExecutor tasks, ShowTimes times, Runnable catalogChanged) {
        this.api = api;
        this.tasks = tasks;
        this.catalogChanged = catalogChanged;
        venueForm = new VenueFormViewModel(api, tasks, this::venueCreated);
        eventForm = new EventFormViewModel(api, tasks, this::eventCreated);
        showForm = new ShowFormViewModel(api, tasks, times, readOnlyEvents, readOnlyVenues, this::showCreated);
    }

    // Properties

    /** Every venue, oldest first, with its sections. */
    public ObservableList<VenueEntry> venues() {
        return readOnlyVenues;
    }

    /** Every event, shows or none, by title: the choices for a new show. */
    public ObservableList<EventEntry> events() {
        return readOnlyEvents;
    }

    /** True while the lists load. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Why the lists could not be loaded; "" when they were. */
    public ReadOnlyStringProperty errorMessageProperty() {
        return errorMessage.getReadOnlyProperty();
    }

    public VenueFormViewModel venueForm() {
        return venueForm;
    }

    public EventFormViewModel eventForm() {
        return eventForm;
    }

    public ShowFormViewModel showForm() {
        return showForm;
    }

    // Commands

    /** Loads the venues, then the events (the catalog lists every event, with or without shows). */
    public void refresh() {
        if (busy.get()) {
            return;
        }
        busy.set(true);
        tasks.run(() -> new Lists(api.admin().venues(), api.events()), lists -> {
            busy.set(false);
            errorMessage.set("");
            venues.setAll(lists.venues().stream().map(VenueEntry::of).toList());
            events.setAll(lists.events().stream().map(EventEntry::of).sorted(BY_TITLE).toList());
            if (showForm.eventProperty().get() == null) {
                showForm.chooseEvent(pickedEventId);
            }
        }, failure -> {
            busy.set(false);
            errorMessage.set(Failures.describe(failure));
        });
    }

    @Override
    public void showPicked(ShowRow show) {
        pickedEventId = show == null ? null : show.eventId();
        if (show != null) {
            showForm.chooseEvent(show.eventId());
        }
    }

    private void venueCreated(VenueView venue) {
        venues.add(VenueEntry.of(venue));
        showForm.chooseVenue(venue.id());
    }

    private void eventCreated(EventSummary event) {
        events.add(EventEntry.of(event));
        FXCollections.sort(events, BY_TITLE);
        showForm.chooseEvent(event.id());
        catalogChanged.run();
    }

    private void showCreated(ShowDetail show) {
        events.replaceAll(event -> event.id() == show.eventId() ? event.withOneMoreShow() : event);
        catalogChanged.run();
    }

    private record Lists(List<VenueView> venues, List<EventSummary> events) {
    }
}
