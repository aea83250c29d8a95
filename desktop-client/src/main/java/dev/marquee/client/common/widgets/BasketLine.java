package dev.marquee.client.common.widgets;

import dev.marquee.model.catalog.TierAvailability;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One tier of a show with its live counts, and the quantity typed for it. */
public final class BasketLine {

    /** The contract's most per tier in one hold or sale. */
    public static final int MAX_QUANTITY = 10;

    private final long tierId;
    private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper(this, "name", "");
    private final ReadOnlyIntegerWrapper priceCents = new ReadOnlyIntegerWrapper(this, "priceCents");
    private final ReadOnlyIntegerWrapper available = new ReadOnlyIntegerWrapper(this, "available");
    private final ReadOnlyIntegerWrapper held = new ReadOnlyIntegerWrapper(this, "held");
    private final ReadOnlyIntegerWrapper sold = new ReadOnlyIntegerWrapper(this, "sold");
    private final ReadOnlyBooleanWrapper soldOut = new ReadOnlyBooleanWrapper(this, "soldOut");
    private final StringProperty quantityText = new SimpleStringProperty(this, "quantityText", "");
    private final ReadOnlyIntegerWrapper quantity = new ReadOnlyIntegerWrapper(this, "quantity");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");

    BasketLine(TierAvailability tier) {
        this.tierId = tier.tierId();
        update(tier);
        quantityText.addListener((property, before, now) -> check());
    }

    // Properties

    public long tierId() {
        return tierId;
    }

    public ReadOnlyStringProperty nameProperty() {
        return name.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty priceCentsProperty() {
        return priceCents.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty availableProperty() {
        return available.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty heldProperty() {
        return held.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty soldProperty() {
        return sold.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty soldOutProperty() {
        return soldOut.getReadOnlyProperty();
    }

    /** What was typed; blank means none of this tier. */
    public StringProperty quantityTextProperty() {
        return quantityText;
    }

    /** The typed quantity as a number (0 when blank or not a number). */
    public ReadOnlyIntegerProperty quantityProperty() {
        return quantity.getReadOnlyProperty();
    }

    /** Why the typed quantity cannot be had, or "" when it can. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    // Commands

    void update(TierAvailability tier) {
        name.set(tier.name());
        priceCents.set(tier.priceCents());
        available.set(tier.available());
        held.set(tier.held());
        sold.set(tier.sold());
        soldOut.set(tier.available() == 0);
        check();
    }

    private void check() {
        String typed = quantityText.get() == null ? "" : quantityText.get().strip();
        if (typed.isEmpty()) {
            quantity.set(0);
            problem.set("");
        } else if (!typed.matches("[0-9]{1,4}")) {
            quantity.set(0);
            problem.set("Type the number of tickets for " + name.get() + ".");
        } else {
            int wanted = Integer.parseInt(typed);
            quantity.set(wanted);
            problem.set(problemWith(wanted));
        }
    }

    private String problemWith(int wanted) {
        if (wanted > available.get()) {
            return available.get() == 0 ? "No tickets left in " + name.get() + "."
                    : "Only " + available.get() + " left in " + name.get() + ".";
        }
        if (wanted > MAX_QUANTITY) {
            return "At most " + MAX_QUANTITY + " tickets of " + name.get() + " at a time.";
        }
        return "";
    }
}
