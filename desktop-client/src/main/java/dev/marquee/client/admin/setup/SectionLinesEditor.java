package dev.marquee.client.admin.setup;

import dev.marquee.client.common.Shortcuts;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

/**
 * The new venue's sections as a grid of lines (name, rows, seats per row, Remove), kept in step with the
 * form's list. A view helper, not a screen: each line's fields are built once and kept while the line lives,
 * so they keep their focus and marks when another line comes or goes.
 */
final class SectionLinesEditor {

    private static final KeyCombination REMOVE = new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);

    private final GridPane grid;
    private final VenueFormViewModel form;
    private final ProblemMarks marks;
    private final Map<SectionLine, Row> rows = new HashMap<>();

    private record Row(TextField name, List<Node> nodes) {
    }

    private SectionLinesEditor(GridPane grid, VenueFormViewModel form, ProblemMarks marks) {
        this.grid = grid;
        this.form = form;
        this.marks = marks;
    }

    static SectionLinesEditor show(GridPane grid, VenueFormViewModel form, ProblemMarks marks) {
        SectionLinesEditor editor = new SectionLinesEditor(grid, form, marks);
        form.sections().addListener((ListChangeListener<SectionLine>) change -> editor.draw());
        editor.draw();
        return editor;
    }

    /** Puts the cursor in the line's name, e.g. right after Add section. */
    void focus(SectionLine line) {
        Row row = rows.get(line);
        if (row != null) {
            row.name().requestFocus();
        }
    }

    private void draw() {
        rows.keySet().retainAll(form.sections());
        grid.getChildren().clear();
        grid.addRow(0, heading("Section"), heading("Rows"), heading("Seats per row"));
        for (int i = 0; i < form.sections().size(); i++) {
            grid.addRow(i + 1, rows.computeIfAbsent(form.sections().get(i), this::row).nodes().toArray(Node[]::new));
        }
    }

    private Row row(SectionLine line) {
        TextField name = field(line.nameProperty(), "Stalls", "section-name");
        TextField rowCount = field(line.rowsProperty(), "10", "number");
        TextField perRow = field(line.seatsPerRowProperty(), "20", "number");
        marks.mark(name, true, line.nameProblemProperty());
        marks.mark(rowCount, true, line.rowsProblemProperty());
        marks.mark(perRow, true, line.seatsPerRowProblemProperty());
        GridPane.setHgrow(name, Priority.ALWAYS);
        Button remove = new Button("Remove (Ctrl+Shift+D)");
        remove.getStyleClass().addAll("flat", "danger");
        remove.setOnAction(event -> remove(line));
        List<Node> nodes = List.of(name, rowCount, perRow, remove);
        // On the line's own fields: the shortcut removes the line that holds the cursor.
        nodes.forEach(node -> Shortcuts.bind(node, REMOVE, remove::fire));
        return new Row(name, nodes);
    }

    private void remove(SectionLine line) {
        int at = form.sections().indexOf(line);
        form.removeSection(line);
        // The cursor stays in the list: on the line that took this one's place, or the one before it.
        if (!form.sections().isEmpty()) {
            focus(form.sections().get(Math.min(at, form.sections().size() - 1)));
        }
    }

    private static Label heading(String text) {
        Label heading = new Label(text);
        heading.getStyleClass().add("heading");
        return heading;
    }

    private static TextField field(StringProperty text, String prompt, String styleClass) {
        TextField field = new TextField();
        field.textProperty().bindBidirectional(text);
        field.setPromptText(prompt);
        field.getStyleClass().add(styleClass);
        return field;
    }
}
