package dev.marquee.client.admin.setup;

import dev.marquee.client.common.TaskExecutor;
import dev.marquee.client.common.api.Failures;
import dev.marquee.client.common.api.ServerApi;
import dev.marquee.model.admin.EventRequest;
import dev.marquee.model.catalog.EventSummary;
import java.util.function.Consumer;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The "New event" form: a title and a description, checked as the server checks them (EventService). */
public final class EventFormViewModel {

    static final int MAX_TITLE = 200;
    static final int MAX_DESCRIPTION = 5_000;

    private final StringProperty title = new SimpleStringProperty(this, "title", "");
    private final StringProperty description = new SimpleStringProperty(this, "description", "");
    private final ReadOnlyStringWrapper titleProblem = new ReadOnlyStringWrapper(this, "titleProblem", "");
    private final ReadOnlyStringWrapper descriptionProblem = new ReadOnlyStringWrapper(this, "descriptionProblem", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper(this, "errorMessage", "");
    private final ReadOnlyStringWrapper doneMessage = new ReadOnlyStringWrapper(this, "doneMessage", "");
    private boolean tried;

    private final ServerApi api;
    private final TaskExecutor tasks;
    private final Consumer<EventSummary> created;

    /** created hears of each event the server made, on the FX thread. */
    public EventFormViewModel(ServerApi api, TaskExecutor tasks, Consumer<EventSummary> created) {
        this.api = api;
        this.tasks = tasks;
        this.created = created;
        InvalidationListener recheck = changed -> check();
        title.addListener(recheck);
        description.addListener(recheck);
    }

    // Properties

    public StringProperty titleProperty() {
        return title;
    }

    /** Optional: an event may go without one. */
    public StringProperty descriptionProperty() {
        return description;
    }

    public ReadOnlyStringProperty titleProblemProperty() {
        return titleProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty descriptionProblemProperty() {
        return descriptionProblem.getReadOnlyProperty();
    }

    /** The first thing that keeps the event from being sent, in a sentence; "" when nothing does. */
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
        EventRequest event = new EventRequest(title.get().strip(), text(description.get()));
        busy.set(true);
        tasks.run(() -> api.admin().createEvent(event), made -> {
            busy.set(false);
            tried = false;
            title.set("");
            description.set("");
            doneMessage.set("Created event " + made.title() + ": it is chosen below for its first show.");
            created.accept(made);
        }, failure -> {
            busy.set(false);
            errorMessage.set(Failures.describe(failure));
        });
    }

    /** True when the event can be sent. A blank title is marked only once a create was tried. */
    private boolean check() {
        String typedTitle = text(title.get());
        titleProblem.set(typedTitle.isEmpty() ? (tried ? "Give the event a title." : "")
                : typedTitle.length() > MAX_TITLE ? "A title has at most " + MAX_TITLE + " characters." : "");
        descriptionProblem.set(text(description.get()).length() > MAX_DESCRIPTION
                ? "A description has at most " + Counts.of(MAX_DESCRIPTION, "character") + "." : "");
        problem.set(titleProblem.get().isEmpty() ? descriptionProblem.get() : titleProblem.get());
        // create() counts a blank title before it checks, so it is a problem by then too.
        return problem.get().isEmpty();
    }

    private static String text(String typed) {
        return typed == null ? "" : typed.strip();
    }
}
