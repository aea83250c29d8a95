package dev.marquee.client.common.widgets;

import dev.marquee.model.catalog.Availability;
import dev.marquee.model.catalog.EventSummary;
import dev.marquee.model.catalog.SeatingMode;
import dev.marquee.model.catalog.ShowSummary;
import dev.marquee.model.catalog.TierAvailability;
import dev.marquee.model.live.QueueMessage;
import java.time.Instant;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** One show of an event as a list shows it, with a few words on what is left that follow live availability. */
public final class ShowEntry {

    private final EventSummary event;
    private final ShowSummary show;
    private final String startsAtText;
    private final ReadOnlyStringWrapper stock = new ReadOnlyStringWrapper(this, "stock", "");
    private final ReadOnlyStringWrapper line = new ReadOnlyStringWrapper(this, "line", "");
    private long version = -1;

    public ShowEntry(EventSummary event, ShowSummary show, String startsAtText) {
        this.event = event;
        this.show = show;
        this.startsAtText = startsAtText;
        stock.set(show.onSale() ? "" : "Not on sale");
    }

    public long showId() {
        return show.id();
    }

    public String eventTitle() {
        return event.title();
    }

    public String eventDescription() {
        return event.description();
    }

    public Instant startsAt() {
        return show.startsAt();
    }

    public String startsAtText() {
        return startsAtText;
    }

    public String venueName() {
        return show.venueName();
    }

    public SeatingMode seatingMode() {
        return show.seatingMode();
    }

    public String seatingText() {
        return show.seatingMode() == SeatingMode.SEATED ? "Seated" : "Standing (GA)";
    }

    public boolean onSale() {
        return show.onSale();
    }

    /** "312 left", "Sold out", "Not on sale", or "" until the show's availability has been seen. */
    public ReadOnlyStringProperty stockProperty() {
        return stock.getReadOnlyProperty();
    }

    /** "120 in line online" while fans wait in the show's line, else "". */
    public ReadOnlyStringProperty lineProperty() {
        return line.getReadOnlyProperty();
    }

    /** When the show opens by itself (its scheduled on-sale), or null. */
    public Instant onSaleAt() {
        return show.onSaleAt();
    }

    /** Takes a move of the show's waiting line. */
    public void applyLine(QueueMessage message) {
        if (message.showId() == show.id()) {
            line.set(message.waiting() > 0 ? String.format("%,d in line online", message.waiting()) : "");
        }
    }

    /** Takes the counts of a newer availability of this show; older ones are ignored. */
    public void applyAvailability(Availability availability) {
        if (availability.showId() != show.id() || availability.version() < version) {
            return;
        }
        version = availability.version();
        int left = availability.tiers().stream().mapToInt(TierAvailability::available).sum();
        if (!show.onSale()) {
            stock.set("Not on sale");
        } else {
            stock.set(left == 0 ? "Sold out" : left + " left");
        }
    }

    /** True when every word typed appears in the title, venue or date (any case), so "jazz today" finds it. */
    public boolean matches(String search) {
        if (search == null || search.isBlank()) {
            return true;
        }
        String haystack = (event.title() + " " + show.venueName() + " " + startsAtText).toLowerCase();
        for (String word : search.toLowerCase().strip().split("\\s+")) {
            if (!haystack.contains(word)) {
                return false;
            }
        }
        return true;
    }
}
