package dev.marquee.client.admin.setup;

import dev.marquee.client.common.TaskExecutor;
import dev.marquee.client.common.api.Failures;
import dev.marquee.client.common.api.ServerApi;
import dev.marquee.client.common.format.ShowTimes;
import dev.marquee.model.admin.ShowRequest;
import dev.marquee.model.catalog.SeatingMode;
import dev.marquee.model.catalog.ShowDetail;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

/**
 * The "New show" form: which event, where, when (in the user's zone), GA or seated, and whether it goes on sale
 * at once. Off by default, so the tiers can be set up before anyone can buy.
 */
public final class ShowFormViewModel {

    private final ObjectProperty<EventEntry> event = new SimpleObjectProperty<>(this, "event");
    private final ObjectProperty<VenueEntry> venue = new SimpleObjectProperty<>(this, "venue");
    private final ObjectProperty<LocalDate> date = new SimpleObjectProperty<>(this, "date");
    private final StringProperty time = new SimpleStringProperty(this, "time", "");
    private final ObjectProperty<SeatingMode> seating = new SimpleObjectProperty<>(this, "seating", SeatingMode.GA);
    private final BooleanProperty onSale = new SimpleBooleanProperty(this, "onSale", false);
    private final ReadOnlyStringWrapper eventProblem = new ReadOnlyStringWrapper(this, "eventProblem", "");
    private final ReadOnlyStringWrapper venueProblem = new ReadOnlyStringWrapper(this, "venueProblem", "");
    private final ReadOnlyStringWrapper dateProblem = new ReadOnlyStringWrapper(this, "dateProblem", "");
    private final ReadOnlyStringWrapper timeProblem = new ReadOnlyStringWrapper(this, "timeProblem", "");
    private final ReadOnlyStringWrapper whenWarning = new ReadOnlyStringWrapper(this, "whenWarning", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper(this, "errorMessage", "");
    private final ReadOnlyStringWrapper doneMessage = new ReadOnlyStringWrapper(this, "doneMessage", "");
    private boolean tried;

    private final ServerApi api;
    private final TaskExecutor tasks;
    private final ShowTimes times;
    private final ObservableList<EventEntry> events;
    private final ObservableList<VenueEntry> venues;
    private final Consumer<ShowDetail> created;

    /** events and venues are the choices; created hears of each show the server made, on the FX thread. */
    public ShowFormViewModel(ServerApi api, TaskExecutor tasks, ShowTimes times, ObservableList<EventEntry> events,
                             ObservableList<VenueEntry> venues, Consumer<ShowDetail> created) {
        this.api = api;
        this.tasks = tasks;
        this.times = times;
        this.events = events;
        this.venues = venues;
        this.created = created;
        InvalidationListener recheck = changed -> check();
        Stream.<Observable>of(event, venue, date, time, seating).forEach(property -> property.addListener(recheck));
        // A reloaded list holds fresh entries: the choice follows its id into them.
        events.addListener((InvalidationListener) changed -> chooseEvent(idOf(event.get())));
        venues.addListener((InvalidationListener) changed -> chooseVenue(idOf(venue.get())));
    }

    // Properties

    public ObjectProperty<EventEntry> eventProperty() {
        return event;
    }

    public ObjectProperty<VenueEntry> venueProperty() {
        return venue;
    }

    public ObjectProperty<LocalDate> dateProperty() {
        return date;
    }

    /** The start time as typed, HH:mm in the user's zone. */
    public StringProperty timeProperty() {
        return time;
    }

    public ObjectProperty<SeatingMode> seatingProperty() {
        return seating;
    }

    public BooleanProperty onSaleProperty() {
        return onSale;
    }

    public ReadOnlyStringProperty eventProblemProperty() {
        return eventProblem.getReadOnlyProperty();
    }

    /** Also what is wrong with the venue for the seating chosen: a seated show needs a seat map. */
    public ReadOnlyStringProperty venueProblemProperty() {
        return venueProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty dateProblemProperty() {
        return dateProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty timeProblemProperty() {
        return timeProblem.getReadOnlyProperty();
    }

    /** Said, not enforced: the server takes a start in the past, and so does this form. */
    public ReadOnlyStringProperty whenWarningProperty() {
        return whenWarning.getReadOnlyProperty();
    }

    /** The first thing that keeps the show from being sent, in a sentence; "" when nothing does. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorMessageProperty() {
        return errorMessage.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty doneMessageProperty() {
        return doneMessage.getReadOnlyProperty();
    }

    /** The zone the date and time are read in: the user's. */
    public String zoneName() {
        return times.zone().getId();
    }

    // Commands

    /** Chooses the listed event with this id; none when it is not listed (or the id is null). */
    public void chooseEvent(Long eventId) {
        event.set(events.stream().filter(entry -> eventId != null && entry.id() == eventId).findFirst().orElse(null));
    }

    public void chooseVenue(Long venueId) {
        venue.set(venues.stream().filter(entry -> venueId != null && entry.id() == venueId).findFirst().orElse(null));
    }

    public void create() {
        if (busy.get()) {
            return;
        }
        tried = true;
        doneMessage.set("");
        errorMessage.set("");
        if (!check()) {
            return;
        }
        EventEntry forEvent = event.get();
        VenueEntry at = venue.get();
        Instant startsAt = startsAt().orElseThrow();
        ShowRequest show = new ShowRequest(at.id(), startsAt, seating.get(), onSale.get());
        busy.set(true);
        tasks.run(() -> api.admin().createShow(forEvent.id(), show), made -> {
            busy.set(false);
            doneMessage.set("Created show " + made.eventTitle() + ", " + times.format(made.startsAt()) + " at "
                    + made.venue().name() + (made.onSale() ? " (on sale)" : " (not on sale yet)")
                    + ": add its tiers in Tiers & sale.");
            clear();
            created.accept(made);
        }, failure -> {
            busy.set(false);
            errorMessage.set(Failures.describe(failure));
        });
    }

    /** The event and venue stay chosen: the next show is often the same tour's next night. */
    private void clear() {
        tried = false;
        date.set(null);
        time.set("");
        seating.set(SeatingMode.GA);
        onSale.set(false);
        check();
    }

    /** Checks every field again; true when the show can be sent. Blanks are marked once a create was tried. */
    private boolean check() {
        eventProblem.set(event.get() == null && tried ? "Choose the event this is a show of." : "");
        venueProblem.set(venueProblem(venue.get()));
        dateProblem.set(date.get() == null && tried ? "Choose the date." : "");
        String typedTime = time.get() == null ? "" : time.get().strip();
        timeProblem.set(typedTime.isEmpty() ? (tried ? "Type the start time, for example 19:30." : "")
                : localTime(typedTime).isEmpty() ? "Type the time as HH:mm, for example 19:30." : "");
        Optional<Instant> startsAt = startsAt();
        whenWarning.set(startsAt.isPresent() && startsAt.get().isBefore(times.now())
                ? "That time has passed already; the show will be created all the same." : "");
        problem.set(Stream.of(eventProblem, venueProblem, dateProblem, timeProblem)
                .map(ReadOnlyStringWrapper::get).filter(text -> !text.isEmpty()).findFirst().orElse(""));
        return problem.get().isEmpty() && event.get() != null && venue.get() != null && startsAt.isPresent();
    }

    private String venueProblem(VenueEntry at) {
        if (at == null) {
            return tried ? "Choose the venue." : "";
        }
        // The server would make it, but a seated show without seats could never sell a ticket.
        return seating.get() == SeatingMode.SEATED && !at.seated()
                ? at.name() + " has no seat map: choose general admission, or a venue with seats." : "";
    }

    /** The start in the user's zone as an instant; a time that a clock change skips moves on by the gap. */
    private Optional<Instant> startsAt() {
        Optional<LocalTime> at = localTime(time.get() == null ? "" : time.get().strip());
        return date.get() == null || at.isEmpty() ? Optional.empty()
                : Optional.of(ZonedDateTime.of(date.get(), at.get(), times.zone()).toInstant());
    }

    private static Optional<LocalTime> localTime(String typed) {
        if (!typed.matches("[0-9]{1,2}:[0-9]{2}")) {
            return Optional.empty();
        }
        int colon = typed.indexOf(':');
        int hours = Integer.parseInt(typed.substring(0, colon));
        int minutes = Integer.parseInt(typed.substring(colon + 1));
        return hours < 24 && minutes < 60 ? Optional.of(LocalTime.of(hours, minutes)) : Optional.empty();
    }

    private static Long idOf(EventEntry entry) {
        return entry == null ? null : entry.id();
    }

    private static Long idOf(VenueEntry entry) {
        return entry == null ? null : entry.id();
    }
}
