package dev.marquee.client.admin.setup;

import dev.marquee.model.admin.SectionRequest;
import java.util.Locale;
import java.util.OptionalInt;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One section of a venue being set up: its name, rows and seats per row as typed, and what is wrong with each.
 * The limits are the server's (VenueService), so what passes here is what the server takes.
 */
public final class SectionLine {

    static final int MAX_NAME = 100;
    static final int MAX_ROWS = 100;
    static final int MAX_SEATS_PER_ROW = 200;

    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty rows = new SimpleStringProperty(this, "rows", "");
    private final StringProperty seatsPerRow = new SimpleStringProperty(this, "seatsPerRow", "");
    private final ReadOnlyStringWrapper nameProblem = new ReadOnlyStringWrapper(this, "nameProblem", "");
    private final ReadOnlyStringWrapper rowsProblem = new ReadOnlyStringWrapper(this, "rowsProblem", "");
    private final ReadOnlyStringWrapper seatsPerRowProblem = new ReadOnlyStringWrapper(this, "seatsPerRowProblem", "");

    // Properties

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty rowsProperty() {
        return rows;
    }

    public StringProperty seatsPerRowProperty() {
        return seatsPerRow;
    }

    /** Why the name cannot be sent, or "" when it can. */
    public ReadOnlyStringProperty nameProblemProperty() {
        return nameProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty rowsProblemProperty() {
        return rowsProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty seatsPerRowProblemProperty() {
        return seatsPerRowProblem.getReadOnlyProperty();
    }

    // Commands

    /** rows × seats per row, or 0 while either is not a number the server takes. */
    int seats() {
        OptionalInt rowCount = number(rows.get(), MAX_ROWS);
        OptionalInt perRow = number(seatsPerRow.get(), MAX_SEATS_PER_ROW);
        return rowCount.isPresent() && perRow.isPresent() ? rowCount.getAsInt() * perRow.getAsInt() : 0;
    }

    String trimmedName() {
        return name.get() == null ? "" : name.get().strip();
    }

    /** The name as the server compares names: "Balcony" and "balcony" would print alike on a ticket. */
    String nameKey() {
        return trimmedName().toLowerCase(Locale.ROOT);
    }

    /**
     * Checks the line again. A blank field is a problem only once a create was tried, so a fresh line is not
     * marked before anyone typed in it; a duplicate name is known only to the form, which says so.
     */
    void check(boolean blanksCount, boolean duplicateName) {
        String trimmed = trimmedName();
        if (trimmed.isEmpty()) {
            nameProblem.set(blanksCount ? "Give the section a name." : "");
        } else if (trimmed.length() > MAX_NAME) {
            nameProblem.set("A section name has at most " + MAX_NAME + " characters.");
        } else {
            nameProblem.set(duplicateName ? "Two sections are called " + trimmed + "; give each its own name." : "");
        }
        rowsProblem.set(numberProblem(rows.get(), MAX_ROWS, "number of rows", blanksCount));
        seatsPerRowProblem.set(numberProblem(seatsPerRow.get(), MAX_SEATS_PER_ROW, "seats per row", blanksCount));
    }

    /** The first of the line's problems, or "". */
    String problem() {
        for (String problem : new String[] {nameProblem.get(), rowsProblem.get(), seatsPerRowProblem.get()}) {
            if (!problem.isEmpty()) {
                return problem;
            }
        }
        return "";
    }

    /** The contract's section; call only when the line has no problem. */
    SectionRequest request() {
        return new SectionRequest(trimmedName(), number(rows.get(), MAX_ROWS).orElseThrow(),
                number(seatsPerRow.get(), MAX_SEATS_PER_ROW).orElseThrow());
    }

    private static String numberProblem(String typed, int max, String what, boolean blanksCount) {
        if (typed == null || typed.isBlank()) {
            return blanksCount ? "Type the " + what + " (1 to " + max + ")." : "";
        }
        return number(typed, max).isPresent() ? "" : "The " + what + " must be a whole number from 1 to " + max + ".";
    }

    private static OptionalInt number(String typed, int max) {
        String digits = typed == null ? "" : typed.strip();
        // Four digits at most: anything longer is out of range anyway, and never overflows an int.
        if (!digits.matches("[0-9]{1,4}")) {
            return OptionalInt.empty();
        }
        int number = Integer.parseInt(digits);
        return number >= 1 && number <= max ? OptionalInt.of(number) : OptionalInt.empty();
    }
}
