package dev.marquee.client.common.widgets;

import dev.marquee.client.common.format.ShowTimes;
import dev.marquee.model.catalog.EventSummary;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** Turns the catalog into the list a person picks a show from: today's shows first, then the coming ones. */
public final class ShowListing {

    private final ShowTimes times;

    public ShowListing(ShowTimes times) {
        this.times = times;
    }

    /**
     * Every show from the start of today on, soonest first; shows of earlier days are over and left out. An
     * event without shows has nothing to sell yet, so it has no line.
     */
    public List<ShowEntry> entries(List<EventSummary> events) {
        Instant startOfToday = times.today().atStartOfDay(times.zone()).toInstant();
        return events.stream()
                .flatMap(event -> event.shows().stream()
                        .filter(show -> !show.startsAt().isBefore(startOfToday))
                        .map(show -> new ShowEntry(event, show, times.format(show.startsAt()))))
                .sorted(Comparator.comparing(ShowEntry::startsAt).thenComparing(ShowEntry::eventTitle))
                .toList();
    }
}
