package dev.marquee.client.booking;

import dev.marquee.client.common.TaskExecutor;
import dev.marquee.client.common.Ticker;
import dev.marquee.client.common.api.Failures;
import dev.marquee.client.common.api.RetrySafeRequest;
import dev.marquee.client.common.api.ServerApi;
import dev.marquee.client.common.format.Money;
import dev.marquee.client.common.format.ShowTimes;
import dev.marquee.client.common.widgets.ShowBrowser;
import dev.marquee.client.common.widgets.ShowEntry;
import dev.marquee.client.common.widgets.TicketPick;
import dev.marquee.model.booking.CheckoutRequest;
import dev.marquee.model.booking.HeldSeat;
import dev.marquee.model.booking.HoldRequest;
import dev.marquee.model.booking.HoldView;
import dev.marquee.model.booking.WaitlistEntryView;
import dev.marquee.model.booking.WaitlistState;
import dev.marquee.model.catalog.Availability;
import dev.marquee.model.catalog.SeatingMode;
import dev.marquee.model.error.ErrorCode;
import dev.marquee.model.live.OfferMessage;
import dev.marquee.model.live.QueueMessage;
import java.util.List;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Fan booking: browse the shows with what is left, pick tier quantities or seats, hold them, pay before the
 * hold runs out, and see the tickets bought. All methods are called on the FX thread.
 */
public final class FanBookingViewModel {

    private final ReadOnlyObjectWrapper<ShowEntry> show = new ReadOnlyObjectWrapper<>(this, "show");
    private final ReadOnlyBooleanWrapper seated = new ReadOnlyBooleanWrapper(this, "seated");
    private final ReadOnlyStringWrapper total = new ReadOnlyStringWrapper(this, "total", Money.format(0));
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper(this, "errorMessage", "");
    private final TicketPick pick = new TicketPick(false);
    private final ShowBrowser shows;
    private final CheckoutViewModel checkout;
    private final MyTicketsViewModel myTickets;
    private final WaitingRoomViewModel waitingRoom;
    private final ObservableList<ShowEntry> otherDates = FXCollections.observableArrayList();
    private final WaitlistJoinViewModel waitlist;
    private final OfferNotice offer;

    private final ServerApi api;
    private final TaskExecutor tasks;
    private final RetrySafeRequest<HoldRequest> holdAttempt;

    public FanBookingViewModel(ServerApi api, TaskExecutor tasks, ShowTimes times, Ticker ticker,
                               RetrySafeRequest<HoldRequest> holdAttempt,
                               RetrySafeRequest<CheckoutRequest> checkoutAttempt) {
        this.api = api;
        this.tasks = tasks;
        this.holdAttempt = holdAttempt;
        this.myTickets = new MyTicketsViewModel(api, tasks, times);
        this.checkout = new CheckoutViewModel(api, tasks, times, ticker, checkoutAttempt, this::holdEnded);
        this.shows = new ShowBrowser(api, tasks, times, this::show);
        this.waitingRoom = new WaitingRoomViewModel(api, tasks, times, ticker);
        this.waitlist = new WaitlistJoinViewModel(api, tasks, this::readWaitlist);
        this.offer = new OfferNotice(times, ticker, this::showName, this::checkOutOffer);
        waitingRoom.stageProperty().addListener((property, before, now) -> otherDates.setAll(
                now == WaitingRoomViewModel.Stage.SOLD_OUT && show.get() != null
                        ? shows.otherDates(show.get()) : java.util.List.of()));
        pick.totalCentsProperty().addListener((property, before, now) -> total.set(Money.format(now.longValue())));
    }

    // Properties

    public ShowBrowser shows() {
        return shows;
    }

    public ReadOnlyObjectProperty<ShowEntry> showProperty() {
        return show.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty seatedProperty() {
        return seated.getReadOnlyProperty();
    }

    public TicketPick pick() {
        return pick;
    }

    public ReadOnlyStringProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorMessageProperty() {
        return errorMessage.getReadOnlyProperty();
    }

    public CheckoutViewModel checkout() {
        return checkout;
    }

    public MyTicketsViewModel myTickets() {
        return myTickets;
    }

    /** The picked show's waiting line and the fan's place in it. */
    public WaitingRoomViewModel waitingRoom() {
        return waitingRoom;
    }

    /** "Tell me when tickets come back", for the picked show's sold-out tiers. */
    public WaitlistJoinViewModel waitlist() {
        return waitlist;
    }

    /** The latest waiting-list offer pushed to the fan, with its countdown. */
    public OfferNotice offer() {
        return offer;
    }

    /** The event's other dates, offered when the picked show sells out. */
    public ObservableList<ShowEntry> otherDates() {
        return otherDates;
    }

    // Commands

    public void refresh() {
        shows.refresh();
        myTickets.refresh();
        readWaitlist();
    }

    /**
     * The live hook for personal pushes: an offer made to one of the fan's waiting-list entries is announced with
     * its countdown (the fan takes it from there), and My tickets reads the list again.
     */
    public void applyOffer(OfferMessage pushed) {
        offer.offered(pushed);
        tasks.run(api::myWaitlist, this::showWaiting, failure -> { });
    }

    /** Reads the fan's waiting list; an offer held for the fan goes straight to checkout. */
    private void readWaitlist() {
        tasks.run(api::myWaitlist, entries -> {
            showWaiting(entries);
            entries.stream().filter(entry -> entry.state() == WaitlistState.OFFERED && entry.offer() != null)
                    .findFirst().ifPresent(entry -> {
                        if (checkout.holdProperty().get() == null) {
                            checkOutOffer(entry.offer().holdId());
                        }
                    });
        }, failure -> {
            // The list is extra: a server that cannot read it now leaves the rest of the screen as it is.
        });
    }

    private void showWaiting(List<WaitlistEntryView> entries) {
        myTickets.showWaiting(entries, this::showName, pick::tierName);
    }

    /** The checkout of a hold the waiting list made for the fan, counting down to its end. */
    private void checkOutOffer(String holdId) {
        HoldView current = checkout.holdProperty().get();
        if (current != null && !current.id().equals(holdId)) {
            errorMessage.set("Pay for or release the tickets you hold first; the waiting list's are under My"
                    + " tickets until their offer ends.");
            return;
        }
        tasks.run(() -> api.hold(holdId), hold -> checkout.start(hold,
                "Held for you from the waiting list: " + describe(hold)),
                failure -> errorMessage.set(Failures.describe(failure)));
    }

    private String showName(long showId) {
        return shows.shows().stream().filter(entry -> entry.showId() == showId).findFirst()
                .map(entry -> entry.eventTitle() + ", " + entry.startsAtText()).orElse("Show " + showId);
    }

    /** The live hook: the dispatcher hands every availability push here. */
    public void applyAvailability(Availability availability) {
        shows.applyAvailability(availability);
        ShowEntry entry = show.get();
        if (entry != null && entry.showId() == availability.showId()) {
            pick.apply(availability, entry.seatingMode());
            waitlist.update(entry, pick.basket().lines());
        }
    }

    /** The live hook for waiting lines: the list's badges and the fan's place follow every move. */
    public void applyLine(QueueMessage line) {
        shows.applyLine(line);
        waitingRoom.applyLine(line);
    }

    /** Picks another date of the event (offered when the show sold out). */
    public void pickOtherDate(ShowEntry entry) {
        if (entry != null) {
            shows.select(entry);
        }
    }

    public ReadOnlyObjectProperty<List<Long>> watchedShowIdsProperty() {
        return shows.showIdsProperty();
    }

    /** Holds what is picked; the hold panel then counts down the time left to pay. */
    public void holdTickets() {
        ShowEntry entry = show.get();
        if (busy.get() || entry == null || checkout.holdProperty().get() != null) {
            return;
        }
        if (waitingRoom.bookingLockedProperty().get()) {
            errorMessage.set("This show sells through its waiting line: you can hold tickets when it's your turn.");
            return;
        }
        boolean admitted = waitingRoom.stageProperty().get() == WaitingRoomViewModel.Stage.ADMITTED;
        HoldRequest request = holdAttempt.unsettled().orElse(null);
        if (request == null) {
            // An admission means the show is on sale now, whatever the list said when it was loaded.
            String problem = !entry.onSale() && !admitted ? "This show is not on sale yet." : pick.blockingProblem();
            if (!problem.isEmpty()) {
                errorMessage.set(problem);
                return;
            }
            request = pick.picksSeats() ? new HoldRequest(entry.showId(), null, pick.seatIds())
                    : new HoldRequest(entry.showId(), pick.basket().items(), null);
        }
        RetrySafeRequest.Attempt<HoldRequest> sending = holdAttempt.start(request);
        busy.set(true);
        errorMessage.set("");
        tasks.run(() -> api.hold(sending.request(), sending.key()), this::held, this::notHeld);
    }

    private void show(ShowEntry entry) {
        show.set(entry);
        seated.set(entry != null && entry.seatingMode() == SeatingMode.SEATED);
        pick.clear();
        errorMessage.set("");
        waitlist.showPicked(entry);
        waitingRoom.open(entry);
        refreshAvailability();
    }

    private void refreshAvailability() {
        ShowEntry entry = show.get();
        if (entry != null) {
            tasks.run(() -> api.availability(entry.showId()), this::applyAvailability,
                    failure -> errorMessage.set(Failures.describe(failure)));
        }
    }

    private void held(HoldView held) {
        holdAttempt.finish(null);
        busy.set(false);
        checkout.start(held, describe(held));
        waitingRoom.booked();
        pick.clearChoice();
        refreshAvailability();
    }

    private void notHeld(Exception failure) {
        holdAttempt.finish(failure);
        busy.set(false);
        if (Failures.is(failure, ErrorCode.QUEUE_REQUIRED)) {
            errorMessage.set("So many fans are booking this show that it now sells through a waiting line. You have"
                    + " joined it: booking opens when it's your turn.");
            waitingRoom.join();
            return;
        }
        String sentence = Failures.describe(failure, pick);
        errorMessage.set(holdAttempt.unsettled().isPresent()
                ? sentence + " Press Hold again to retry; you will not get two holds." : sentence);
        if (Failures.is(failure, ErrorCode.INSUFFICIENT_INVENTORY) || Failures.is(failure, ErrorCode.SEAT_UNAVAILABLE)) {
            refreshAvailability();
        }
    }

    private void holdEnded() {
        refreshAvailability();
        myTickets.refresh();
    }

    private String describe(HoldView held) {
        if (held.seats() != null && !held.seats().isEmpty()) {
            return held.seats().stream().map(HeldSeat::label).collect(Collectors.joining(", "));
        }
        return held.items().stream().map(item -> item.quantity() + " × " + pick.tierName(item.tierId()))
                .collect(Collectors.joining(", "));
    }
}
