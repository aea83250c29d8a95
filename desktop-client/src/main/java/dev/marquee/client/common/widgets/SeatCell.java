package dev.marquee.client.common.widgets;

import dev.marquee.model.catalog.SeatAvailability;
import dev.marquee.model.catalog.SeatStatus;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/** One seat on the map: where it is, its tier, its live status, and whether this screen has picked it. */
public final class SeatCell {

    private final long seatId;
    private final String label;
    private final String section;
    private final int row;
    private final int number;
    private final Long tierId;
    private final int tierIndex;
    private final ReadOnlyObjectWrapper<SeatStatus> status = new ReadOnlyObjectWrapper<>(this, "status");
    private final ReadOnlyBooleanWrapper selected = new ReadOnlyBooleanWrapper(this, "selected");

    SeatCell(SeatAvailability seat, int tierIndex) {
        this.seatId = seat.seatId();
        this.label = seat.label();
        this.section = seat.section();
        this.row = seat.row();
        this.number = seat.number();
        this.tierId = seat.tierId();
        this.tierIndex = tierIndex;
        status.set(seat.tierId() == null ? SeatStatus.BLOCKED : seat.status());
    }

    public long seatId() {
        return seatId;
    }

    /** The seat as the server would list it now, for redrawing the map around it. */
    SeatAvailability asAvailability() {
        return new SeatAvailability(seatId, label, section, row, number, tierId, status.get());
    }

    public String label() {
        return label;
    }

    public String section() {
        return section;
    }

    public int row() {
        return row;
    }

    public int number() {
        return number;
    }

    /** Null for a seat that belongs to no tier (it cannot be sold). */
    public Long tierId() {
        return tierId;
    }

    /** The tier's position among the show's tiers (0, 1, ...), so each tier can have its own colour; -1 for none. */
    public int tierIndex() {
        return tierIndex;
    }

    public ReadOnlyObjectProperty<SeatStatus> statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    void setStatus(SeatStatus newStatus) {
        status.set(tierId == null ? SeatStatus.BLOCKED : newStatus);
    }

    void setSelected(boolean isSelected) {
        selected.set(isSelected);
    }
}
