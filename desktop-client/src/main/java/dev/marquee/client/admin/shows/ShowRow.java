package dev.marquee.client.admin.shows;

import dev.marquee.model.catalog.SeatingMode;

/** One line of the admin's show list: a show of an event, with its time already worded for the screen. */
public record ShowRow(long showId, long eventId, String eventTitle, String startsAt, String venue,
                      SeatingMode seatingMode, boolean onSale) {

    public boolean seated() {
        return seatingMode == SeatingMode.SEATED;
    }

    public String seating() {
        return seated() ? "Seated" : "General admission";
    }

    public String sale() {
        return onSale ? "On sale" : "Not on sale";
    }
}
