package dev.marquee.client.admin.setup;

import dev.marquee.model.catalog.EventSummary;

/** An event as the new show's event choice offers it, with how many shows it has so far. */
public record EventEntry(long id, String title, int shows) {

    public static EventEntry of(EventSummary event) {
        return new EventEntry(event.id(), event.title(), event.shows() == null ? 0 : event.shows().size());
    }

    /** The same event with one more show. */
    EventEntry withOneMoreShow() {
        return new EventEntry(id, title, shows + 1);
    }

    public String choiceText() {
        return title + switch (shows) {
            case 0 -> " (no shows yet)";
            case 1 -> " (1 show)";
            default -> " (" + shows + " shows)";
        };
    }
}
