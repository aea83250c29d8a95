package dev.marquee.client.admin.shows;

import dev.marquee.client.common.TaskExecutor;
import dev.marquee.client.common.api.Failures;
import dev.marquee.client.common.api.ServerApi;
import dev.marquee.model.catalog.EventSummary;
import dev.marquee.model.catalog.ShowSummary;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The administrator's list of every show, past ones included, with its sale state, and the show picked in it:
 * the admin pane's tools (tiers, seats, report, audit) work on that one. All methods are called on the FX thread.
 */
public final class ShowsOverviewViewModel {

    private final ObservableList<ShowRow> shows = FXCollections.observableArrayList();
    private final ObservableList<ShowRow> readOnlyShows = FXCollections.unmodifiableObservableList(shows);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper(this, "errorMessage", "");
    private final ReadOnlyObjectWrapper<ShowRow> picked = new ReadOnlyObjectWrapper<>(this, "picked");
    private final ReadOnlyObjectWrapper<List<Long>> showIds = new ReadOnlyObjectWrapper<>(this, "showIds", List.of());

    private final ServerApi api;
    private final TaskExecutor tasks;
    private final DateTimeFormatter startsAtFormat;
    private boolean againAfterThis;

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

    /** The show the tools work on; null when none is picked. */
    public ReadOnlyObjectProperty<ShowRow> pickedProperty() {
        return picked.getReadOnlyProperty();
    }

    /** Every listed show, for the live feed: their counts follow pushes. */
    public ReadOnlyObjectProperty<List<Long>> showIdsProperty() {
        return showIds.getReadOnlyProperty();
    }

    // Commands

    public void pick(ShowRow show) {
        picked.set(show);
    }

    /**
     * Reads the list again. Asked while a read is under way, it reads once more after it: that read may predate the
     * change that made someone ask.
     */
    public void refresh() {
        if (busy.get()) {
            againAfterThis = true;
            return;
        }
        busy.set(true);
        tasks.run(api::events, events -> {
            busy.set(false);
            errorMessage.set("");
            List<ShowRow> rows = rowsOf(events);
            shows.setAll(rows);
            showIds.set(rows.stream().map(ShowRow::showId).toList());
            repick(rows);
            refreshAgainIfAsked();
        }, failure -> {
            busy.set(false);
            errorMessage.set(Failures.describe(failure));
            refreshAgainIfAsked();
        });
    }

    private void refreshAgainIfAsked() {
        if (againAfterThis) {
            againAfterThis = false;
            refresh();
        }
    }

    /** After a reload the same show stays picked, with its fresh line (its sale state may have changed). */
    private void repick(List<ShowRow> rows) {
        ShowRow before = picked.get();
        ShowRow now = before == null ? null
                : rows.stream().filter(row -> row.showId() == before.showId()).findFirst().orElse(null);
        if (now == null && !rows.isEmpty() && before == null) {
            now = rows.getFirst();
        }
        picked.set(now);
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
        return new ShowRow(show.id(), shown.event().id(), shown.event().title(), startsAtFormat.format(show.startsAt()),
                show.venueName(), show.seatingMode(), show.onSale());
    }

    private record Shown(EventSummary event, ShowSummary show) {
    }
}
