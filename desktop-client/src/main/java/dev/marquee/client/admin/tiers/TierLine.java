package dev.marquee.client.admin.tiers;

import dev.marquee.model.admin.TierView;
import dev.marquee.model.catalog.TierAvailability;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One tier of the picked show with its live figures. Pushes update a line in place rather than replacing it,
 * so the administrator's selected row, and what they are typing for it, survive every push.
 */
public final class TierLine {

    private final long tierId;
    private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper(this, "name", "");
    private final ReadOnlyIntegerWrapper priceCents = new ReadOnlyIntegerWrapper(this, "priceCents");
    private final ReadOnlyIntegerWrapper capacity = new ReadOnlyIntegerWrapper(this, "capacity");
    private final ReadOnlyIntegerWrapper available = new ReadOnlyIntegerWrapper(this, "available");
    private final ReadOnlyIntegerWrapper held = new ReadOnlyIntegerWrapper(this, "held");
    private final ReadOnlyIntegerWrapper sold = new ReadOnlyIntegerWrapper(this, "sold");

    TierLine(TierAvailability tier) {
        this.tierId = tier.tierId();
        update(tier);
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

    public ReadOnlyIntegerProperty capacityProperty() {
        return capacity.getReadOnlyProperty();
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

    // Commands

    void update(TierAvailability tier) {
        set(tier.name(), tier.priceCents(), tier.capacity(), tier.available(), tier.held(), tier.sold());
    }

    /** The server's answer to a change: the tier as it now stands. */
    void update(TierView tier) {
        set(tier.name(), tier.priceCents(), tier.capacity(), tier.available(), tier.held(), tier.sold());
    }

    private void set(String name, int priceCents, int capacity, int available, int held, int sold) {
        this.name.set(name);
        this.priceCents.set(priceCents);
        this.capacity.set(capacity);
        this.available.set(available);
        this.held.set(held);
        this.sold.set(sold);
    }
}
