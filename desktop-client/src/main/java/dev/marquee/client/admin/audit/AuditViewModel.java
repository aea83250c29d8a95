package dev.marquee.client.admin.audit;

import dev.marquee.client.admin.shows.Coalescer;
import dev.marquee.client.admin.shows.ShowFailures;
import dev.marquee.client.admin.shows.ShowRow;
import dev.marquee.client.admin.shows.ShowTool;
import dev.marquee.client.common.TaskExecutor;
import dev.marquee.client.common.Ticker;
import dev.marquee.client.common.api.Failures;
import dev.marquee.client.common.api.ServerApi;
import dev.marquee.client.common.format.ShowTimes;
import dev.marquee.model.admin.AuditEntry;
import dev.marquee.model.catalog.Availability;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * Who changed what: the newest audit entries of the picked show (or of every show), worded for a person,
 * filtered as the administrator types. Live pushes mean new entries, so the list reloads, at most once a
 * second. All methods are called on the FX thread.
 */
public final class AuditViewModel implements ShowTool {

    /** The first choice of the action filter. */
    public static final String ALL_ACTIONS = "All actions";
    static final int LIMIT = 200;
    static final Duration RELOAD_GAP = Duration.ofSeconds(1);

    private final ObservableList<AuditRow> loaded = FXCollections.observableArrayList();
    private final FilteredList<AuditRow> rows = new FilteredList<>(loaded);
    private final ObservableList<String> actions = FXCollections.observableArrayList(ALL_ACTIONS);
    private final ObservableList<String> readOnlyActions = FXCollections.unmodifiableObservableList(actions);
    private final BooleanProperty thisShowOnly = new SimpleBooleanProperty(this, "thisShowOnly", true);
    private final StringProperty filterText = new SimpleStringProperty(this, "filterText", "");
    private final StringProperty action = new SimpleStringProperty(this, "action", ALL_ACTIONS);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper(this, "errorMessage", "");

    private final ServerApi api;
    private final TaskExecutor tasks;
    private final DateTimeFormatter when;
    private final ObservableList<ShowRow> shows;
    private final Coalescer reloads;
    private ShowRow show;

    /** shows: the admin's show list, to name the show of each entry. */
    public AuditViewModel(ServerApi api, TaskExecutor tasks, ShowTimes times, Locale locale, Ticker ticker,
                          ObservableList<ShowRow> shows) {
        this.api = api;
        this.tasks = tasks;
        this.when = AuditRow.timeFormat(times.zone(), locale);
        this.shows = shows;
        this.reloads = new Coalescer(RELOAD_GAP, times::now, ticker, this::load);
        // A new predicate whenever a filter changes makes the list filter again, at once, without the server.
        rows.predicateProperty().bind(Bindings.<Predicate<? super AuditRow>>createObjectBinding(
                () -> row -> matches(row), filterText, action));
        summary.bind(Bindings.createStringBinding(this::describe, rows, loaded));
        thisShowOnly.addListener((property, before, now) -> {
            loaded.clear();
            reloads.now();
        });
    }

    // Properties

    /** The loaded entries that pass the filters, newest first. */
    public ObservableList<AuditRow> rows() {
        return rows;
    }

    /** "All actions", then each action among the loaded entries. */
    public ObservableList<String> actions() {
        return readOnlyActions;
    }

    /** On: the picked show's entries; off: every show's, and those of no show (drawers, venues). */
    public BooleanProperty thisShowOnlyProperty() {
        return thisShowOnly;
    }

    /** Typed text that an entry's actor, action or details must contain (any case). */
    public StringProperty filterTextProperty() {
        return filterText;
    }

    /** The action (in words) entries must have, or {@link #ALL_ACTIONS}. */
    public StringProperty actionProperty() {
        return action;
    }

    /** "12 of 200 entries". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorMessageProperty() {
        return errorMessage.getReadOnlyProperty();
    }

    // Commands

    @Override
    public void showPicked(ShowRow picked) {
        boolean sameShow = show != null && picked != null && show.showId() == picked.showId();
        show = picked;
        if (thisShowOnly.get() && !sameShow) {
            loaded.clear();
            errorMessage.set("");
        }
        // Every show's entries do not depend on the pick.
        if (thisShowOnly.get() || loaded.isEmpty()) {
            reloads.now();
        }
    }

    @Override
    public void applyAvailability(Availability availability) {
        if (!thisShowOnly.get() || show != null && availability.showId() == show.showId()) {
            reloads.request();
        }
    }

    /** The CSV's file name: this show's log, or everything's. */
    public String csvName() {
        return thisShowOnly.get() && show != null ? "show-" + show.showId() + "-audit.csv" : "audit.csv";
    }

    /**
     * Saves the log as CSV at {@code target}: this show's, or every show's, as the list shows it (the text and
     * action filters are the screen's own); {@code said} hears how it went, in a sentence.
     */
    public void exportCsv(Path target, Consumer<String> said) {
        Long showId = thisShowOnly.get() ? (show == null ? null : show.showId()) : null;
        if (thisShowOnly.get() && showId == null) {
            return;
        }
        said.accept("Exporting…");
        tasks.run(() -> {
            Files.write(target, api.admin().auditCsv(showId));
            return target;
        }, saved -> said.accept("Saved the audit log to " + saved.getFileName() + "."),
                failure -> said.accept(failure instanceof java.io.IOException
                        ? "Could not save the file: " + failure.getMessage() : Failures.describe(failure)));
    }

    public void refresh() {
        if (!busy.get()) {
            reloads.now();
        }
    }

    private void load(Runnable done) {
        Long showId = thisShowOnly.get() ? (show == null ? null : show.showId()) : null;
        if (thisShowOnly.get() && showId == null) {
            done.run();
            return;
        }
        busy.set(true);
        tasks.run(() -> api.admin().audit(showId, LIMIT), entries -> {
            // The pick or the "this show only" box may have changed while the entries were read.
            if (isAsked(showId)) {
                errorMessage.set("");
                show(entries);
            }
            finish(done);
        }, failure -> {
            if (isAsked(showId)) {
                errorMessage.set(ShowFailures.describe(failure));
            }
            finish(done);
        });
    }

    private void finish(Runnable done) {
        busy.set(false);
        done.run();
    }

    private boolean isAsked(Long showId) {
        return thisShowOnly.get() ? show != null && Objects.equals(show.showId(), showId) : showId == null;
    }

    private void show(List<AuditEntry> entries) {
        loaded.setAll(entries.stream().map(entry -> AuditRow.of(entry, when, this::showName)).toList());
        String chosen = action.get();
        actions.setAll(Stream.concat(Stream.of(ALL_ACTIONS), loaded.stream().map(AuditRow::action).distinct()
                .sorted()).toList());
        // Reloads must not undo the administrator's choice, even while no loaded entry has that action.
        if (!actions.contains(chosen)) {
            actions.add(chosen);
        }
        action.set(chosen);
    }

    private String showName(long showId) {
        return shows.stream().filter(row -> row.showId() == showId).findFirst()
                .map(row -> row.eventTitle() + ", " + row.startsAt()).orElse("Show " + showId);
    }

    private boolean matches(AuditRow row) {
        String chosen = action.get();
        if (chosen != null && !ALL_ACTIONS.equals(chosen) && !chosen.equals(row.action())) {
            return false;
        }
        String typed = filterText.get() == null ? "" : filterText.get().strip().toLowerCase(Locale.ROOT);
        return typed.isEmpty() || Stream.of(row.actor(), row.action(), row.actionCode(), row.details())
                .anyMatch(text -> text != null && text.toLowerCase(Locale.ROOT).contains(typed));
    }

    private String describe() {
        int total = loaded.size();
        if (total == 0) {
            return "";
        }
        String newest = total >= LIMIT ? " (the newest " + LIMIT + ")" : "";
        return rows.size() == total ? total + (total == 1 ? " entry" : " entries") + newest
                : rows.size() + " of " + total + " entries" + newest;
    }
}
