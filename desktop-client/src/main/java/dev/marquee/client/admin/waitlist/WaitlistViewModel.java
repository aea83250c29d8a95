package dev.marquee.client.admin.waitlist;

import dev.marquee.client.admin.shows.Coalescer;
import dev.marquee.client.admin.shows.PickedShowLoad;
import dev.marquee.client.admin.shows.ShowRow;
import dev.marquee.client.admin.shows.ShowTool;
import dev.marquee.client.common.TaskExecutor;
import dev.marquee.client.common.Ticker;
import dev.marquee.client.common.api.ServerApi;
import dev.marquee.client.common.format.ShowTimes;
import dev.marquee.model.admin.ShowWaitlist;
import dev.marquee.model.admin.WaitlistAdminEntry;
import dev.marquee.model.admin.WaitlistTierLength;
import dev.marquee.model.catalog.Availability;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The picked show's waiting list: each tier's length (entries, the tickets they want, offers out) and the entries
 * in the order they will be served. A live push for the show means tickets moved, and with them perhaps the list
 * (a join, an offer, a purchase), so it reloads, at most once a second. Called on the FX thread.
 */
public final class WaitlistViewModel implements ShowTool {

    /** One tier's line, worded for a table. */
    public record TierRow(String tier, String entries, String tickets, String offers) {
    }

    /** One entry, worded for a table. */
    public record EntryRow(String tier, String position, String account, String quantity, String state,
                           String offerExpires) {
    }

    static final Duration RELOAD_GAP = Duration.ofSeconds(1);

    private final ObservableList<TierRow> tiers = FXCollections.observableArrayList();
    private final ObservableList<TierRow> readOnlyTiers = FXCollections.unmodifiableObservableList(tiers);
    private final ObservableList<EntryRow> entries = FXCollections.observableArrayList();
    private final ObservableList<EntryRow> readOnlyEntries = FXCollections.unmodifiableObservableList(entries);
    private final ReadOnlyStringWrapper heading = new ReadOnlyStringWrapper(this, "heading",
            "Pick a show on the left.");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper(this, "errorMessage", "");

    private final ShowTimes times;
    private final Coalescer reloads;
    private ShowRow show;

    public WaitlistViewModel(ServerApi api, TaskExecutor tasks, ShowTimes times, Ticker ticker) {
        this.times = times;
        PickedShowLoad<ShowWaitlist> load = new PickedShowLoad<>(() -> show, tasks,
                showId -> api.admin().waitlist(showId), this::fill, busy, errorMessage);
        this.reloads = new Coalescer(RELOAD_GAP, times::now, ticker, load::load);
    }

    // Properties

    public ObservableList<TierRow> tiers() {
        return readOnlyTiers;
    }

    public ObservableList<EntryRow> entries() {
        return readOnlyEntries;
    }

    public ReadOnlyStringProperty headingProperty() {
        return heading.getReadOnlyProperty();
    }

    /** "5 fans wait for 9 tickets · 1 offer out · updated 14:05". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorMessageProperty() {
        return errorMessage.getReadOnlyProperty();
    }

    // Commands

    @Override
    public void showPicked(ShowRow picked) {
        boolean sameShow = show != null && picked != null && show.showId() == picked.showId();
        show = picked;
        heading.set(picked == null ? "Pick a show on the left."
                : picked.eventTitle() + " · " + picked.startsAt() + " · " + picked.venue());
        if (!sameShow) {
            tiers.clear();
            entries.clear();
            summary.set("");
            errorMessage.set("");
        }
        if (picked != null) {
            reloads.now();
        }
    }

    @Override
    public void applyAvailability(Availability availability) {
        if (show != null && availability.showId() == show.showId()) {
            reloads.request();
        }
    }

    public void refresh() {
        if (show != null) {
            reloads.now();
        }
    }

    private void fill(ShowWaitlist list) {
        tiers.setAll(list.tiers().stream().map(tier -> new TierRow(tier.name(),
                Integer.toString(tier.waitingEntries()), Integer.toString(tier.waitingTickets()),
                Integer.toString(tier.offeredEntries()))).toList());
        Map<Long, String> names = list.tiers().stream()
                .collect(Collectors.toMap(WaitlistTierLength::tierId, WaitlistTierLength::name));
        Function<WaitlistAdminEntry, String> tierName = entry -> names.getOrDefault(entry.tierId(),
                "Tier " + entry.tierId());
        entries.setAll(list.entries().stream().map(entry -> new EntryRow(tierName.apply(entry),
                entry.position() > 0 ? Integer.toString(entry.position()) : "–", entry.email(),
                Integer.toString(entry.quantity()), state(entry), expires(entry))).toList());
        int waiting = list.tiers().stream().mapToInt(WaitlistTierLength::waitingEntries).sum();
        int wanted = list.tiers().stream().mapToInt(WaitlistTierLength::waitingTickets).sum();
        int offers = list.tiers().stream().mapToInt(WaitlistTierLength::offeredEntries).sum();
        summary.set((waiting == 0 ? "Nobody waits" : plural(waiting, "fan waits", "fans wait") + " for "
                + plural(wanted, "ticket", "tickets")) + " · " + plural(offers, "offer", "offers") + " out · updated "
                + times.timeOfDay(times.now()));
    }

    private static String state(WaitlistAdminEntry entry) {
        return switch (entry.state()) {
            case WAITING -> "Waiting";
            case OFFERED -> "Offered";
            case FULFILLED -> "Bought";
            case EXPIRED -> "Offer lapsed";
            case LEFT -> "Left";
        };
    }

    private String expires(WaitlistAdminEntry entry) {
        return entry.offer() == null || entry.offer().expiresAt() == null ? ""
                : "until " + times.timeOfDay(entry.offer().expiresAt());
    }

    private static String plural(int count, String one, String many) {
        return count + " " + (count == 1 ? one : many);
    }
}
