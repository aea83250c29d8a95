package dev.marquee.client.admin.tiers;

import dev.marquee.model.admin.VenueSeat;
import dev.marquee.model.catalog.SeatAvailability;
import java.util.Collection;
import java.util.Comparator;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The seats of a seated show that are in no tier yet, offered to a new tier by section and a range of rows.
 * The show's availability lists only the seats in a tier, so the free ones are the venue's seats that are not
 * among them. Choosing a section proposes all its rows that have free seats.
 */
public final class FreeSeatChoice {

    private final ObservableList<String> sections = FXCollections.observableArrayList();
    private final ObservableList<String> readOnlySections = FXCollections.unmodifiableObservableList(sections);
    private final ObjectProperty<String> section = new SimpleObjectProperty<>(this, "section");
    private final StringProperty fromRow = new SimpleStringProperty(this, "fromRow", "");
    private final StringProperty toRow = new SimpleStringProperty(this, "toRow", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyBooleanWrapper anyFree = new ReadOnlyBooleanWrapper(this, "anyFree");
    private List<VenueSeat> venueSeats;
    private Set<Long> inTier = Set.of();
    private List<VenueSeat> free = List.of();

    FreeSeatChoice() {
        section.addListener((property, before, now) -> proposeRows());
        fromRow.addListener((property, before, now) -> summarize());
        toRow.addListener((property, before, now) -> summarize());
        summarize();
    }

    // Properties

    /** The sections that have seats in no tier. */
    public ObservableList<String> sections() {
        return readOnlySections;
    }

    public ObjectProperty<String> sectionProperty() {
        return section;
    }

    public StringProperty fromRowProperty() {
        return fromRow;
    }

    public StringProperty toRowProperty() {
        return toRow;
    }

    /** Whether any seat is in no tier; without one there is nothing to choose. */
    public ReadOnlyBooleanProperty anyFreeProperty() {
        return anyFree.getReadOnlyProperty();
    }

    /** Which seats the new tier would take, or what stands in the way. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    // Commands

    /** Every seat of the show's venue; null while they are not known yet. */
    void venueSeatsChanged(List<VenueSeat> seats) {
        venueSeats = seats;
        refilter();
    }

    /** The show's seats as last heard: those with a tier are taken. */
    void seatsChanged(Collection<SeatAvailability> seats) {
        inTier = seats.stream().filter(seat -> seat.tierId() != null).map(SeatAvailability::seatId)
                .collect(Collectors.toSet());
        refilter();
    }

    private void refilter() {
        free = venueSeats == null ? List.of() : venueSeats.stream().filter(seat -> !inTier.contains(seat.id()))
                .sorted(Comparator.comparing(VenueSeat::section).thenComparingInt(VenueSeat::row)
                        .thenComparingInt(VenueSeat::number))
                .toList();
        anyFree.set(!free.isEmpty());
        List<String> now = free.stream().map(VenueSeat::section).distinct().toList();
        // Replacing equal items would make a bound combo box forget its choice.
        if (!now.equals(sections)) {
            sections.setAll(now);
        }
        if (!sections.contains(section.get())) {
            section.set(sections.isEmpty() ? null : sections.getFirst());
        }
        summarize();
    }

    List<Long> chosenSeatIds() {
        return chosen().stream().map(VenueSeat::id).toList();
    }

    Optional<String> problem() {
        if (venueSeats == null) {
            return Optional.of("Looking up the venue's seats…");
        }
        if (free.isEmpty()) {
            return Optional.of("Every seat of this show is already in a tier: seats must first be freed before a"
                    + " new tier can have any.");
        }
        if (section.get() == null) {
            return Optional.of("Choose a section.");
        }
        if (row(fromRow.get()) < 0 || row(toRow.get()) < 0) {
            return Optional.of("Type the rows as numbers, for example 1 to 3.");
        }
        if (row(fromRow.get()) > row(toRow.get())) {
            return Optional.of("The first row must not come after the last.");
        }
        if (chosen().isEmpty()) {
            IntSummaryStatistics rows = freeRows();
            return Optional.of("No seats in " + section.get() + " " + rows(row(fromRow.get()), row(toRow.get()))
                    + " are free; the free ones are in " + rows(rows.getMin(), rows.getMax()) + ".");
        }
        return Optional.empty();
    }

    private List<VenueSeat> chosen() {
        int from = row(fromRow.get());
        int to = row(toRow.get());
        return free.stream().filter(seat -> Objects.equals(seat.section(), section.get()))
                .filter(seat -> seat.row() >= from && seat.row() <= to).toList();
    }

    private void proposeRows() {
        IntSummaryStatistics rows = freeRows();
        if (rows.getCount() > 0) {
            fromRow.set(Integer.toString(rows.getMin()));
            toRow.set(Integer.toString(rows.getMax()));
        }
        summarize();
    }

    private IntSummaryStatistics freeRows() {
        return free.stream().filter(seat -> Objects.equals(seat.section(), section.get()))
                .mapToInt(VenueSeat::row).summaryStatistics();
    }

    private void summarize() {
        int count = chosen().size();
        String where = " in " + section.get() + " " + rows(row(fromRow.get()), row(toRow.get()));
        summary.set(problem().orElseGet(() -> count == 1 ? "1 free seat" + where + " goes to the new tier."
                : count + " free seats" + where + " go to the new tier."));
    }

    private static String rows(int from, int to) {
        return from == to ? "row " + from : "rows " + from + "–" + to;
    }

    /** The typed row number, or -1 when it is not one. */
    private static int row(String typed) {
        String plain = typed == null ? "" : typed.strip();
        return plain.matches("[0-9]{1,4}") ? Integer.parseInt(plain) : -1;
    }
}
