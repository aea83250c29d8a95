package dev.marquee.client.catalog;

import dev.marquee.client.common.Failures;
import dev.marquee.client.common.Navigator;
import dev.marquee.client.common.Session;
import dev.marquee.client.common.TaskExecutor;
import dev.marquee.model.auth.Role;
import dev.marquee.model.catalog.EventSummary;
import dev.marquee.model.catalog.SeatingMode;
import dev.marquee.model.catalog.ShowSummary;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** State and commands of the event list every signed-in role sees. All methods are called on the FX thread. */
public final class CatalogViewModel {

    private final ReadOnlyStringWrapper userName = new ReadOnlyStringWrapper(this, "userName", "");
    private final ReadOnlyStringWrapper roleName = new ReadOnlyStringWrapper(this, "roleName", "");
    private final ObservableList<ShowRow> shows = FXCollections.observableArrayList();
    private final ObservableList<ShowRow> readOnlyShows = FXCollections.unmodifiableObservableList(shows);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper(this, "errorMessage", "");

    private final Session session;
    private final TaskExecutor tasks;
    private final Navigator navigator;
    private final DateTimeFormatter startsAtFormat;

    /** zone and locale are the user's: show times are read at the counter, in local time. */
    public CatalogViewModel(Session session, TaskExecutor tasks, Navigator navigator, ZoneId zone, Locale locale) {
        this.session = session;
        this.tasks = tasks;
        this.navigator = navigator;
        this.startsAtFormat = DateTimeFormatter.ofPattern("EEE d MMM uuuu, HH:mm", locale).withZone(zone);
        userName.set(session.user().displayName());
        roleName.set(describe(session.user().role()));
    }

    // Properties

    public ReadOnlyStringProperty userNameProperty() {
        return userName.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty roleNameProperty() {
        return roleName.getReadOnlyProperty();
    }

    public ObservableList<ShowRow> shows() {
        return readOnlyShows;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorMessageProperty() {
        return errorMessage.getReadOnlyProperty();
    }

    // Commands

    public void refresh() {
        if (busy.get()) {
            return;
        }
        busy.set(true);
        tasks.run(session.api()::events, events -> {
            busy.set(false);
            errorMessage.set("");
            shows.setAll(rowsOf(events));
        }, failure -> {
            busy.set(false);
            errorMessage.set(Failures.describe(failure));
        });
    }

    public void signOut() {
        String server = session.api().server().toString();
        // The way back to the sign-in screen must not depend on the server: if it cannot be told, the token is
        // forgotten here anyway and simply expires there.
        tasks.run(() -> {
            session.api().logout();
            return null;
        }, done -> navigator.showLogin(server), failure -> navigator.showLogin(server));
    }

    private List<ShowRow> rowsOf(List<EventSummary> events) {
        // Soonest first: the next show is the one the counter is selling for. An event without shows has
        // nothing to sell yet, so it has no line.
        return events.stream()
                .flatMap(event -> event.shows().stream().map(show -> new Shown(event, show)))
                .sorted(Comparator.comparing((Shown s) -> s.show().startsAt()).thenComparing(s -> s.event().title()))
                .map(this::row)
                .toList();
    }

    private ShowRow row(Shown shown) {
        ShowSummary show = shown.show();
        return new ShowRow(show.id(), shown.event().title(), startsAtFormat.format(show.startsAt()),
                show.venueName(), show.seatingMode() == SeatingMode.SEATED ? "Seated" : "General admission",
                show.onSale() ? "On sale" : "Not on sale");
    }

    private static String describe(Role role) {
        return switch (role) {
            case FAN -> "Fan";
            case CLERK -> "Box office";
            case ADMIN -> "Administrator";
        };
    }

    private record Shown(EventSummary event, ShowSummary show) {
    }
}
