package dev.marquee.client.admin;

import dev.marquee.client.common.Failures;
import dev.marquee.client.common.ServerApi;
import dev.marquee.client.common.TaskExecutor;
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

/**
 * The administrator's overview of every show, past ones included, with its sale state. The admin pane's
 * editing (venues, tiers, prices, blocks, report, audit) grows from here. All methods are called on the FX thread.
 */
public final class ShowsOverviewViewModel {

    private final ObservableList<ShowRow> shows = FXCollections.observableArrayList();
    private final ObservableList<ShowRow> readOnlyShows = FXCollections.unmodifiableObservableList(shows);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper(this, "errorMessage", "");

    private final ServerApi api;
    private final TaskExecutor tasks;
    private final DateTimeFormatter startsAtFormat;

    /** zone and locale are the user's: show times are read in local time. */
    public ShowsOverviewViewModel(ServerApi api, TaskExecutor tasks, ZoneId zone, Locale locale) {
        this.api = api;
        this.tasks = tasks;
        this.startsAtFormat = DateTimeFormatter.ofPattern("EEE d MMM uuuu, HH:mm", locale).withZone(zone);
    }

    // Properties

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
        tasks.run(api::events, events -> {
            busy.set(false);
            errorMessage.set("");
            shows.setAll(rowsOf(events));
        }, failure -> {
            busy.set(false);
            errorMessage.set(Failures.describe(failure));
        });
    }

    private List<ShowRow> rowsOf(List<EventSummary> events) {
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

    private record Shown(EventSummary event, ShowSummary show) {
    }
}
