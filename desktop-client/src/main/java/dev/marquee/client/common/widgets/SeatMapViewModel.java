package dev.marquee.client.common.widgets;

import dev.marquee.model.catalog.SeatAvailability;
import dev.marquee.model.catalog.SeatStatus;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The seats of one seated show and the ones picked on this screen. Seats taken elsewhere while picked are
 * dropped from the pick with a notice saying so. Buyers pick up to ten available seats; an administrator's map
 * also picks blocked seats (to unblock them), and many more at once.
 */
public final class SeatMapViewModel {

    /** The contract's most seats in one hold or sale. */
    public static final int MAX_SEATS = 10;

    private final ObservableList<SeatCell> seats = FXCollections.observableArrayList();
    private final ObservableList<SeatCell> readOnlySeats = FXCollections.unmodifiableObservableList(seats);
    private final ReadOnlyIntegerWrapper selectedCount = new ReadOnlyIntegerWrapper(this, "selectedCount");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final Map<Long, SeatCell> byId = new HashMap<>();
    private final int maxSeats;
    private final Set<SeatStatus> pickable;
    private long showId = -1;

    /** A buyer's map: at most {@link #MAX_SEATS} seats, available ones only. */
    public SeatMapViewModel() {
        this(MAX_SEATS, EnumSet.of(SeatStatus.AVAILABLE));
    }

    /** A map whose pick holds at most maxSeats seats, each in one of the pickable statuses. */
    public SeatMapViewModel(int maxSeats, Set<SeatStatus> pickable) {
        this.maxSeats = maxSeats;
        this.pickable = Set.copyOf(pickable);
    }

    // Properties

    /** Every seat, section by section (in the venue's order), row by row, left to right. */
    public ObservableList<SeatCell> seats() {
        return readOnlySeats;
    }

    public ReadOnlyIntegerProperty selectedCountProperty() {
        return selectedCount.getReadOnlyProperty();
    }

    /** Something that happened to the pick without being asked for ("... was just taken."); "" when nothing. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    // Commands

    /** A whole map for a new show, or changed seats for this one (a live push carries only those). */
    public void apply(long forShow, List<SeatAvailability> changed) {
        if (forShow != showId) {
            showId = forShow;
            replace(changed == null ? List.of() : changed);
            return;
        }
        if (changed == null) {
            return;
        }
        if (changed.stream().anyMatch(seat -> !byId.containsKey(seat.seatId()))) {
            redrawWith(changed);
            return;
        }
        for (SeatAvailability seat : changed) {
            SeatCell cell = byId.get(seat.seatId());
            if (cell != null) {
                cell.setStatus(seat.status());
                if (cell.selectedProperty().get() && !canPick(cell)) {
                    cell.setSelected(false);
                    notice.set(cell.label() + " was just taken by someone else.");
                }
            }
        }
        recount();
    }

    public void clear() {
        showId = -1;
        replace(List.of());
    }

    /** A click: picks a seat that may be picked, or puts a picked one back. */
    public void toggle(SeatCell cell) {
        setSelected(cell, !cell.selectedProperty().get());
    }

    /** Picks or puts back one seat; a dragged selection calls this for every seat it passes. */
    public void setSelected(SeatCell cell, boolean wanted) {
        if (wanted == cell.selectedProperty().get()) {
            return;
        }
        if (wanted && !canPick(cell)) {
            notice.set(cell.label() + " is " + cell.statusProperty().get().name().toLowerCase() + ".");
            return;
        }
        if (wanted && selectedCount.get() >= maxSeats) {
            notice.set("At most " + maxSeats + " seats at a time.");
            return;
        }
        notice.set("");
        cell.setSelected(wanted);
        recount();
    }

    public void clearSelection() {
        seats.forEach(cell -> cell.setSelected(false));
        notice.set("");
        recount();
    }

    public List<SeatCell> selectedSeats() {
        return seats.stream().filter(cell -> cell.selectedProperty().get()).toList();
    }

    public String seatLabel(long seatId) {
        SeatCell cell = byId.get(seatId);
        return cell == null ? "Seat " + seatId : cell.label();
    }

    private boolean canPick(SeatCell cell) {
        return pickable.contains(cell.statusProperty().get());
    }

    /**
     * Seats the map has not drawn (a tier was just given seats that belonged to none): the map is drawn again with
     * them, and what was picked stays picked where it still may be.
     */
    private void redrawWith(List<SeatAvailability> changed) {
        Map<Long, SeatAvailability> all = new LinkedHashMap<>();
        seats.forEach(cell -> all.put(cell.seatId(), cell.asAvailability()));
        changed.forEach(seat -> all.put(seat.seatId(), seat));
        List<Long> picked = selectedSeats().stream().map(SeatCell::seatId).toList();
        replace(List.copyOf(all.values()));
        picked.stream().map(byId::get).filter(cell -> cell != null && canPick(cell))
                .forEach(cell -> cell.setSelected(true));
        recount();
    }

    private void replace(List<SeatAvailability> all) {
        // Sections in the order the venue lists its seats; the tiers in id order give each its colour.
        Map<String, Long> sectionOrder = new LinkedHashMap<>();
        all.stream().sorted(Comparator.comparingLong(SeatAvailability::seatId))
                .forEach(seat -> sectionOrder.putIfAbsent(seat.section(), (long) sectionOrder.size()));
        List<Long> tierIds = all.stream().map(SeatAvailability::tierId).filter(Objects::nonNull).distinct().sorted()
                .toList();
        List<SeatCell> cells = all.stream()
                .sorted(Comparator.comparing((SeatAvailability seat) -> sectionOrder.get(seat.section()))
                        .thenComparingInt(SeatAvailability::row).thenComparingInt(SeatAvailability::number))
                .map(seat -> new SeatCell(seat, seat.tierId() == null ? -1 : tierIds.indexOf(seat.tierId())))
                .toList();
        byId.clear();
        cells.forEach(cell -> byId.put(cell.seatId(), cell));
        notice.set("");
        seats.setAll(cells);
        recount();
    }

    private void recount() {
        selectedCount.set((int) seats.stream().filter(cell -> cell.selectedProperty().get()).count());
    }
}
