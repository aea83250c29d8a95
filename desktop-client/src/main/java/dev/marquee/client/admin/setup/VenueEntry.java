package dev.marquee.client.admin.setup;

import dev.marquee.model.admin.VenueSeat;
import dev.marquee.model.admin.VenueView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A venue as the set-up screen lists it and offers it for a new show. The server sends every seat, not the
 * sections it was made from, so the sections are read back from the seats.
 */
public record VenueEntry(long id, String name, int capacity, int seats, String sections) {

    public static VenueEntry of(VenueView venue) {
        List<VenueSeat> seats = venue.seats() == null ? List.of() : venue.seats();
        return new VenueEntry(venue.id(), venue.name(), venue.capacity(), seats.size(), sectionsOf(seats));
    }

    /** Only a venue with a seat map can hold a seated show. */
    public boolean seated() {
        return seats > 0;
    }

    public String capacityText() {
        return Counts.number(capacity);
    }

    /** How the venue reads in the new show's venue choice. */
    public String choiceText() {
        return name + (seated() ? " (" + capacityText() + " seats)" : " (standing, " + capacityText() + ")");
    }

    private static String sectionsOf(List<VenueSeat> seats) {
        if (seats.isEmpty()) {
            return "Standing only, no seat map";
        }
        // Seats come section by section, row by row: the first seat of a section tells its place.
        Map<String, List<VenueSeat>> bySection = seats.stream()
                .collect(Collectors.groupingBy(VenueSeat::section, LinkedHashMap::new, Collectors.toList()));
        return bySection.entrySet().stream().map(section -> describe(section.getKey(), section.getValue()))
                .collect(Collectors.joining(", "));
    }

    private static String describe(String section, List<VenueSeat> seats) {
        long rows = seats.stream().mapToInt(VenueSeat::row).distinct().count();
        int widest = seats.stream().mapToInt(VenueSeat::number).max().orElse(0);
        // A section the admin API made is a rectangle; one loaded some other way may not be.
        return rows * widest == seats.size() ? section + " " + rows + " × " + widest
                : section + " " + seats.size() + " seats in " + rows + " rows";
    }
}
