package dev.marquee.client.common.widgets;

import dev.marquee.client.common.format.Money;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.HPos;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;

/**
 * Shows a basket's tiers as a grid with a quantity field per tier, typed from the keyboard: Up and Down move
 * between tiers, Enter hands over to whatever comes next (payment, or the hold). A view helper, not a screen.
 */
public final class TierGrid {

    private static final PseudoClass PROBLEM = PseudoClass.getPseudoClass("problem");

    /** Staff see held and sold too; fans only what is left. */
    public enum Columns { STAFF, FAN }

    private final GridPane grid;
    private final TicketBasket basket;
    private final Columns columns;
    private final Runnable onEnter;
    private final List<TextField> quantityFields = new ArrayList<>();

    private TierGrid(GridPane grid, TicketBasket basket, Columns columns, Runnable onEnter) {
        this.grid = grid;
        this.basket = basket;
        this.columns = columns;
        this.onEnter = onEnter;
    }

    /** Fills the grid now and again whenever the show's tiers change. */
    public static TierGrid show(GridPane grid, TicketBasket basket, Columns columns, Runnable onEnter) {
        TierGrid tierGrid = new TierGrid(grid, basket, columns, onEnter);
        grid.getStyleClass().add("tier-grid");
        grid.getStylesheets().add(TierGrid.class.getResource("TierGrid.css").toExternalForm());
        basket.lines().addListener((ListChangeListener<BasketLine>) change -> tierGrid.draw());
        tierGrid.draw();
        return tierGrid;
    }

    /** Puts the cursor in the first quantity field of a tier that still has tickets. */
    public void focusFirstQuantity() {
        quantityFields.stream().filter(field -> !field.isDisabled()).findFirst().ifPresent(field -> {
            field.requestFocus();
            field.selectAll();
        });
    }

    private void draw() {
        grid.getChildren().clear();
        quantityFields.clear();
        List<String> headings = columns == Columns.STAFF
                ? List.of("Tier", "Price", "Available", "Held", "Sold", "Quantity")
                : List.of("Tier", "Price", "Left", "Tickets");
        for (int column = 0; column < headings.size(); column++) {
            Label heading = styled(new Label(headings.get(column)), "heading");
            GridPane.setHalignment(heading, column == 0 ? HPos.LEFT : HPos.RIGHT);
            grid.add(heading, column, 0);
        }
        int row = 1;
        for (BasketLine line : basket.lines()) {
            int column = 0;
            Label name = styled(bound(line.nameProperty()), "tier-name");
            GridPane.setHalignment(name, HPos.LEFT);
            grid.add(name, column++, row);
            grid.add(styled(bound(Bindings.createStringBinding(() -> Money.format(line.priceCentsProperty().get()),
                    line.priceCentsProperty())), "number"), column++, row);
            grid.add(styled(bound(Bindings.createStringBinding(
                    () -> line.soldOutProperty().get() ? "Sold out" : Integer.toString(line.availableProperty().get()),
                    line.availableProperty(), line.soldOutProperty())), "number"), column++, row);
            if (columns == Columns.STAFF) {
                grid.add(styled(bound(line.heldProperty().asString()), "number"), column++, row);
                grid.add(styled(bound(line.soldProperty().asString()), "number"), column++, row);
            }
            grid.add(quantityField(line), column, row++);
        }
    }

    private TextField quantityField(BasketLine line) {
        TextField field = new TextField();
        field.getStyleClass().add("quantity");
        field.setPromptText("0");
        field.textProperty().bindBidirectional(line.quantityTextProperty());
        field.disableProperty().bind(line.soldOutProperty().and(line.quantityTextProperty().isEmpty()));
        field.pseudoClassStateChanged(PROBLEM, !line.problemProperty().get().isEmpty());
        line.problemProperty().addListener((property, before, now) -> field.pseudoClassStateChanged(PROBLEM,
                !now.isEmpty()));
        int index = quantityFields.size();
        field.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.DOWN || event.getCode() == KeyCode.UP) {
                move(index, event.getCode() == KeyCode.DOWN ? 1 : -1);
                event.consume();
            } else if (event.getCode() == KeyCode.ENTER && !event.isControlDown()) {
                onEnter.run();
                event.consume();
            }
        });
        quantityFields.add(field);
        return field;
    }

    private void move(int from, int step) {
        for (int i = from + step; i >= 0 && i < quantityFields.size(); i += step) {
            TextField next = quantityFields.get(i);
            if (!next.isDisabled()) {
                next.requestFocus();
                next.selectAll();
                return;
            }
        }
    }

    private static Label bound(ObservableValue<String> text) {
        Label label = new Label();
        label.textProperty().bind(text);
        GridPane.setHalignment(label, HPos.RIGHT);
        return label;
    }

    private static Label styled(Label label, String styleClass) {
        label.getStyleClass().add(styleClass);
        // Prices and counts are never cut short: the grid takes the width they need.
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }
}
