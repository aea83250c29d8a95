package dev.marquee.client.admin.seats;

import dev.marquee.client.admin.shows.ShowRow;
import dev.marquee.client.admin.shows.ShowTool;
import dev.marquee.client.common.TaskExecutor;
import dev.marquee.client.common.api.ApiException;
import dev.marquee.client.common.api.Failures;
import dev.marquee.client.common.api.ServerApi;
import dev.marquee.client.common.widgets.SeatCell;
import dev.marquee.client.common.widgets.SeatMapViewModel;
import dev.marquee.model.admin.SeatBlockRequest;
import dev.marquee.model.catalog.Availability;
import dev.marquee.model.catalog.SeatStatus;
import dev.marquee.model.error.ErrorCode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Takes seats of the picked seated show out of sale (a camera platform, a broken chair) and back, on a live seat
 * map. Block needs a reason and available seats only; unblock needs blocked seats only. All on the FX thread.
 */
public final class SeatBlockViewModel implements ShowTool {

    /** The server's most seats in one block or unblock: more than a whole row or section of most halls. */
    static final int MAX_PICK = 500;
    static final String GENERAL_ADMISSION = "General admission: this show has no seat map.";
    private static final int LABELS_NAMED = 10;

    private final SeatMapViewModel seatMap = new SeatMapViewModel(MAX_PICK,
            EnumSet.of(SeatStatus.AVAILABLE, SeatStatus.BLOCKED));
    private final ReadOnlyBooleanWrapper seated = new ReadOnlyBooleanWrapper(this, "seated");
    private final ReadOnlyStringWrapper noMap = new ReadOnlyStringWrapper(this, "noMap", "Pick a show on the left.");
    private final StringProperty reason = new SimpleStringProperty(this, "reason", "");
    private final ReadOnlyStringWrapper reasonProblem = new ReadOnlyStringWrapper(this, "reasonProblem", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper pickNote = new ReadOnlyStringWrapper(this, "pickNote", "");
    private final ReadOnlyBooleanWrapper canBlock = new ReadOnlyBooleanWrapper(this, "canBlock");
    private final ReadOnlyBooleanWrapper canUnblock = new ReadOnlyBooleanWrapper(this, "canUnblock");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper(this, "errorMessage", "");
    private final ReadOnlyStringWrapper doneMessage = new ReadOnlyStringWrapper(this, "doneMessage", "");

    private final ServerApi api;
    private final TaskExecutor tasks;
    private ShowRow show;
    /** Bumped on every show switch, so answers about the show picked before are ignored. */
    private int generation;
    private long version = -1;
    /** Pushes heard while the map loads (null when not loading): a push may be newer than the load's answer. */
    private List<Availability> heardWhileLoading;

    public SeatBlockViewModel(ServerApi api, TaskExecutor tasks) {
        this.api = api;
        this.tasks = tasks;
        seatMap.selectedCountProperty().addListener((property, before, now) -> recompute());
        reason.addListener((property, before, now) -> recompute());
        recompute();
    }

    // Properties

    public SeatMapViewModel seatMap() {
        return seatMap;
    }

    /** True while a seated show is picked: only then does anything on this screen work. */
    public ReadOnlyBooleanProperty seatedProperty() {
        return seated.getReadOnlyProperty();
    }

    /** Why there is no seat map to work on; "" when there is one. */
    public ReadOnlyStringProperty noMapProperty() {
        return noMap.getReadOnlyProperty();
    }

    /** Why the seats are blocked; required for blocking, optional (and audited) for unblocking. */
    public StringProperty reasonProperty() {
        return reason;
    }

    /** What the reason field lacks for the seats picked; "" when nothing. */
    public ReadOnlyStringProperty reasonProblemProperty() {
        return reasonProblem.getReadOnlyProperty();
    }

    /** "3 seats picked: A-1-4, A-1-5, A-1-6". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Which picked seats keep Block off and what to pick instead; "" when the pick is all one kind. */
    public ReadOnlyStringProperty pickNoteProperty() {
        return pickNote.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canBlockProperty() {
        return canBlock.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canUnblockProperty() {
        return canUnblock.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorMessageProperty() {
        return errorMessage.getReadOnlyProperty();
    }

    /** What the last block or unblock did. */
    public ReadOnlyStringProperty doneMessageProperty() {
        return doneMessage.getReadOnlyProperty();
    }

    // Commands

    @Override
    public void showPicked(ShowRow picked) {
        boolean sameShow = picked != null && show != null && picked.showId() == show.showId();
        show = picked;
        if (sameShow && (version >= 0 || heardWhileLoading != null)) {
            return; // the list reloaded (its sale state may differ): the live map and the pick stay
        }
        generation++;
        version = -1;
        heardWhileLoading = null;
        seatMap.clear();
        errorMessage.set("");
        doneMessage.set("");
        busy.set(false);
        seated.set(picked != null && picked.seated());
        noMap.set(picked == null ? "Pick a show on the left." : picked.seated() ? "" : GENERAL_ADMISSION);
        if (seated.get()) {
            load(picked.showId());
        }
        recompute();
    }

    @Override
    public void applyAvailability(Availability availability) {
        if (!seated.get() || availability.showId() != show.showId()) {
            return;
        }
        if (heardWhileLoading != null) {
            heardWhileLoading.add(availability);
        } else if (version >= 0) {
            apply(availability);
        }
    }

    public void block() {
        if (canBlock.get()) {
            send(true, typedReason());
        }
    }

    public void unblock() {
        if (canUnblock.get()) {
            send(false, typedReason());
        }
    }

    private void load(long showId) {
        int asked = generation;
        heardWhileLoading = new ArrayList<>();
        setBusy(true);
        tasks.run(() -> api.availability(showId), availability -> {
            if (asked == generation) {
                List<Availability> heard = heardWhileLoading;
                heardWhileLoading = null;
                setBusy(false);
                apply(availability);
                heard.forEach(this::apply);
            }
        }, failure -> {
            if (asked == generation) {
                heardWhileLoading = null;
                setBusy(false);
                errorMessage.set(Failures.describe(failure));
            }
        });
    }

    private void send(boolean blocking, String why) {
        long showId = show.showId();
        int asked = generation;
        List<Long> seatIds = seatMap.selectedSeats().stream().map(SeatCell::seatId).toList();
        SeatBlockRequest request = new SeatBlockRequest(seatIds, why);
        errorMessage.set("");
        doneMessage.set("");
        setBusy(true);
        tasks.run(() -> blocking ? api.admin().blockSeats(showId, request) : api.admin().unblockSeats(showId, request),
                availability -> {
                    if (asked == generation) {
                        setBusy(false);
                        apply(availability);
                        seatMap.clearSelection();
                        reason.set("");
                        doneMessage.set((blocking ? "Blocked " : "Unblocked ") + seats(seatIds.size()) + ".");
                    }
                }, failure -> {
                    if (asked == generation) {
                        setBusy(false);
                        errorMessage.set(describe(failure, blocking));
                    }
                });
    }

    /** A slow answer must not undo a newer push, so older versions are skipped. */
    private void apply(Availability availability) {
        if (availability.version() < version) {
            return;
        }
        version = availability.version();
        seatMap.apply(availability.showId(), availability.seats());
        recompute();
    }

    private String describe(Exception failure, boolean blocking) {
        List<?> ids = Failures.is(failure, ErrorCode.SEAT_UNAVAILABLE) ? seatIdsIn((ApiException) failure) : List.of();
        if (!ids.isEmpty()) {
            String named = named(ids.stream()
                    .map(id -> id instanceof Number n ? seatMap.seatLabel(n.longValue()) : "?").toList());
            return "Nothing was " + (blocking ? "blocked" : "unblocked") + ": " + named
                    + (ids.size() == 1 ? " has" : " have") + " just been held or sold.";
        }
        return Failures.describe(failure, new Failures.InventoryNames() {
            @Override
            public String seatLabel(long seatId) {
                return seatMap.seatLabel(seatId);
            }
        });
    }

    private static List<?> seatIdsIn(ApiException refused) {
        Map<String, Object> details = refused.body().details();
        return details != null && details.get("seatIds") instanceof List<?> ids ? ids : List.of();
    }

    private String typedReason() {
        return reason.get() == null || reason.get().isBlank() ? null : reason.get().strip();
    }

    private void setBusy(boolean now) {
        busy.set(now);
        recompute();
    }

    private void recompute() {
        List<SeatCell> picked = seatMap.selectedSeats();
        List<SeatCell> blocked = picked.stream().filter(cell -> is(cell, SeatStatus.BLOCKED)).toList();
        boolean allAvailable = !picked.isEmpty() && picked.stream().allMatch(cell -> is(cell, SeatStatus.AVAILABLE));
        boolean allBlocked = !picked.isEmpty() && blocked.size() == picked.size();
        boolean noReason = typedReason() == null;
        summary.set(!seated.get() ? "" : picked.isEmpty() ? "No seats picked: click a seat, or drag across a row."
                : seats(picked.size()) + " picked: " + labels(picked));
        reasonProblem.set(allAvailable && noReason ? "Say why these seats are blocked, e.g. camera platform." : "");
        pickNote.set(allBlocked ? "Already blocked: " + labels(blocked) + ". Unblock returns them to sale."
                : !blocked.isEmpty() ? "Not available, so they cannot be blocked: " + labels(blocked)
                        + ". Pick only available seats to block, or only blocked ones to unblock."
                : "");
        boolean ready = seated.get() && !busy.get();
        canBlock.set(ready && allAvailable && !noReason);
        canUnblock.set(ready && allBlocked);
    }

    private static boolean is(SeatCell cell, SeatStatus status) {
        return cell.statusProperty().get() == status;
    }

    private static String seats(int count) {
        return count + (count == 1 ? " seat" : " seats");
    }

    private static String labels(List<SeatCell> cells) {
        return named(cells.stream().map(SeatCell::label).toList());
    }

    /** The first few labels: a whole row would not fit on one line. */
    private static String named(List<String> labels) {
        String named = labels.stream().limit(LABELS_NAMED).collect(Collectors.joining(", "));
        return labels.size() > LABELS_NAMED ? named + " and " + (labels.size() - LABELS_NAMED) + " more" : named;
    }
}
