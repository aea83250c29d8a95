package dev.marquee.client.admin.setup;

import dev.marquee.client.common.TaskExecutor;
import dev.marquee.client.common.api.Failures;
import dev.marquee.client.common.api.ServerApi;
import dev.marquee.model.admin.VenueRequest;
import dev.marquee.model.admin.VenueView;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The "New venue" form: a name and its sections, the capacity worked out as they are typed, and the checks
 * the server would make (VenueService's limits), so a venue it would refuse is never sent.
 */
public final class VenueFormViewModel {

    static final int MAX_NAME = 200;
    static final int MAX_SECTIONS = 50;
    static final int MAX_SEATS = 20_000;

    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final ObservableList<SectionLine> sections = FXCollections.observableArrayList();
    private final ObservableList<SectionLine> readOnlySections = FXCollections.unmodifiableObservableList(sections);
    private final ReadOnlyStringWrapper nameProblem = new ReadOnlyStringWrapper(this, "nameProblem", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper(this, "errorMessage", "");
    private final ReadOnlyStringWrapper doneMessage = new ReadOnlyStringWrapper(this, "doneMessage", "");
    private final InvalidationListener recheck = changed -> check();
    private boolean tried;

    private final ServerApi api;
    private final TaskExecutor tasks;
    private final Consumer<VenueView> created;

    /** created hears of each venue the server made, on the FX thread. */
    public VenueFormViewModel(ServerApi api, TaskExecutor tasks, Consumer<VenueView> created) {
        this.api = api;
        this.tasks = tasks;
        this.created = created;
        name.addListener(recheck);
        addSection();
    }

    // Properties

    public StringProperty nameProperty() {
        return name;
    }

    public ObservableList<SectionLine> sections() {
        return readOnlySections;
    }

    public ReadOnlyStringProperty nameProblemProperty() {
        return nameProblem.getReadOnlyProperty();
    }

    /** "3 sections, 280 seats", following what is typed. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** The first thing that keeps the venue from being sent, in a sentence; "" when nothing does. */
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

    // Commands

    public SectionLine addSection() {
        SectionLine line = new SectionLine();
        line.nameProperty().addListener(recheck);
        line.rowsProperty().addListener(recheck);
        line.seatsPerRowProperty().addListener(recheck);
        sections.add(line);
        check();
        return line;
    }

    public void removeSection(SectionLine line) {
        if (sections.remove(line)) {
            line.nameProperty().removeListener(recheck);
            line.rowsProperty().removeListener(recheck);
            line.seatsPerRowProperty().removeListener(recheck);
            check();
        }
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
        VenueRequest venue = new VenueRequest(name.get().strip(), sections.stream().map(SectionLine::request).toList());
        String done = "Created venue " + venue.name() + ": " + summary.get() + ".";
        busy.set(true);
        tasks.run(() -> api.admin().createVenue(venue), made -> {
            busy.set(false);
            clear();
            doneMessage.set(done);
            created.accept(made);
        }, failure -> {
            busy.set(false);
            errorMessage.set(Failures.describe(failure));
        });
    }

    private void clear() {
        tried = false;
        name.set("");
        List.copyOf(sections).forEach(this::removeSection);
        addSection();
    }

    /** Checks every field again; true when the venue can be sent. */
    private boolean check() {
        String typedName = name.get() == null ? "" : name.get().strip();
        nameProblem.set(typedName.isEmpty() ? (tried ? "Give the venue a name." : "")
                : typedName.length() > MAX_NAME ? "A venue name has at most " + MAX_NAME + " characters." : "");
        Map<String, Integer> names = new HashMap<>();
        sections.forEach(line -> names.merge(line.nameKey(), 1, Integer::sum));
        sections.forEach(line -> line.check(tried, names.get(line.nameKey()) > 1));
        int seats = sections.stream().mapToInt(SectionLine::seats).sum();
        summary.set(Counts.of(sections.size(), "section") + ", " + Counts.of(seats, "seat"));
        String first = Stream.concat(Stream.of(nameProblem.get()), sections.stream().map(SectionLine::problem))
                .filter(text -> !text.isEmpty()).findFirst().orElseGet(() -> sizeProblem(seats));
        problem.set(first);
        // create() counts blanks before it checks, so they are problems by then too.
        return first.isEmpty();
    }

    private String sizeProblem(int seats) {
        if (sections.isEmpty()) {
            return "Add at least one section.";
        }
        if (sections.size() > MAX_SECTIONS) {
            return "A venue has at most " + MAX_SECTIONS + " sections.";
        }
        return seats <= MAX_SEATS ? "" : "A venue holds at most " + Counts.of(MAX_SEATS, "seat")
                + "; these sections add up to " + Counts.of(seats, "seat") + ".";
    }
}
