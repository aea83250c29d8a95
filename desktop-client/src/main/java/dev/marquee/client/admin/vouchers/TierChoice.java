package dev.marquee.client.admin.vouchers;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/** One tier of the show in the voucher form, ticked when the voucher names it; a hidden tier says so. */
public final class TierChoice {

    private final long tierId;
    private final String name;
    private final boolean hidden;
    private final BooleanProperty chosen = new SimpleBooleanProperty(this, "chosen");

    public TierChoice(long tierId, String name, boolean hidden) {
        this.tierId = tierId;
        this.name = name;
        this.hidden = hidden;
    }

    public long tierId() {
        return tierId;
    }

    public boolean hidden() {
        return hidden;
    }

    /** "Standing", or "Presale (hidden)": the admin sees which tiers only an unlock voucher opens. */
    public String label() {
        return hidden ? name + " (hidden)" : name;
    }

    public BooleanProperty chosenProperty() {
        return chosen;
    }
}
