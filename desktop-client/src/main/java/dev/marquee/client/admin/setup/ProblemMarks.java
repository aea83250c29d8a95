package dev.marquee.client.admin.setup;

import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Control;
import org.controlsfx.validation.Severity;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;

/**
 * Marks fields with the problems a view model found (ControlsFX decorations, the sentence in their tooltip).
 * The view model decides what is wrong; this only shows it, and shows it again whenever the problem changes,
 * also when the field itself did not (a create that was tried, another field that changed).
 */
final class ProblemMarks {

    private final ValidationSupport validation = new ValidationSupport();

    ProblemMarks() {
        // Follow the view model from the start, not only after the first edit: it already holds back
        // blank-field problems until a create is tried.
        validation.initInitialDecoration();
    }

    /** An error when error is not empty; required adds the small mark of a field that must be filled in. */
    void mark(Control field, boolean required, ObservableStringValue error) {
        mark(field, required, error, null);
    }

    /** As {@link #mark(Control, boolean, ObservableStringValue)}, with a warning when there is no error. */
    void mark(Control field, boolean required, ObservableStringValue error, ObservableStringValue warning) {
        boolean followed = validation.registerValidator(field, required, (Control control, Object value) -> {
            if (!error.get().isEmpty()) {
                return ValidationResult.fromError(control, error.get());
            }
            return ValidationResult.fromMessageIf(control, warning == null ? "" : warning.get(), Severity.WARNING,
                    warning != null && !warning.get().isEmpty());
        });
        if (!followed) {
            throw new IllegalArgumentException("ControlsFX cannot mark a " + field.getClass().getSimpleName());
        }
        ChangeListener<String> again = (property, before, now) -> validation.revalidate(field);
        error.addListener(again);
        if (warning != null) {
            warning.addListener(again);
        }
    }
}
