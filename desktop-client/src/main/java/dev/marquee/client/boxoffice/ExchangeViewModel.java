package dev.marquee.client.boxoffice;

import dev.marquee.client.common.TaskExecutor;
import dev.marquee.client.common.api.Failures;
import dev.marquee.client.common.api.RetrySafeRequest;
import dev.marquee.client.common.api.ServerApi;
import dev.marquee.client.common.format.Money;
import dev.marquee.client.common.format.ShowTimes;
import dev.marquee.client.common.printing.Receipt;
import dev.marquee.client.common.widgets.PaymentForm;
import dev.marquee.client.common.widgets.ShowBrowser;
import dev.marquee.client.common.widgets.ShowEntry;
import dev.marquee.client.common.widgets.TicketPick;
import dev.marquee.model.booking.ExchangeRequest;
import dev.marquee.model.booking.OrderView;
import dev.marquee.model.booking.Payment;
import dev.marquee.model.booking.PaymentMethod;
import dev.marquee.model.booking.TicketView;
import dev.marquee.model.catalog.Availability;
import dev.marquee.model.catalog.SeatingMode;
import dev.marquee.model.error.ErrorCode;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * An exchange at the counter: tickets of the order found at the desk given back for new ones of any show on sale
 * (tier quantities or seats on the live map) at today's prices, the difference shown before confirming and paid as
 * a sale is. One {@code POST /api/orders/{id}/exchange}: a lost answer is retried as the very same request under the
 * same Idempotency-Key, so it can never exchange twice; until it is settled the form is locked.
 */
public final class ExchangeViewModel {

    private final ReadOnlyBooleanWrapper open = new ReadOnlyBooleanWrapper(this, "open");
    private final ReadOnlyStringWrapper givenBack = new ReadOnlyStringWrapper(this, "givenBack", "");
    private final ReadOnlyObjectWrapper<ShowEntry> show = new ReadOnlyObjectWrapper<>(this, "show");
    private final ReadOnlyBooleanWrapper seated = new ReadOnlyBooleanWrapper(this, "seated");
    private final TicketPick pick = new TicketPick();
    private final PaymentForm payment = new PaymentForm(PaymentMethod.CASH);
    private final ReadOnlyStringWrapper difference = new ReadOnlyStringWrapper(this, "difference", "");
    private final ReadOnlyStringWrapper breakdown = new ReadOnlyStringWrapper(this, "breakdown", "");
    private final ReadOnlyBooleanWrapper toPay = new ReadOnlyBooleanWrapper(this, "toPay");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper outcomeUnknown = new ReadOnlyBooleanWrapper(this, "outcomeUnknown");
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper(this, "errorMessage", "");
    private final ReadOnlyObjectWrapper<Receipt> receipt = new ReadOnlyObjectWrapper<>(this, "receipt");
    private final ReadOnlyStringWrapper settled = new ReadOnlyStringWrapper(this, "settled", "");
    private final ShowBrowser shows;
    /** The order the tickets come from, and those tickets; null and empty until an exchange starts. */
    private OrderView from;
    private List<TicketView> given = List.of();

    private final ServerApi api;
    private final TaskExecutor tasks;
    private final ShowTimes times;
    private final RetrySafeRequest<ExchangeRequest> attempt;
    private final Consumer<OrderView> exchanged;
    private final Runnable cashMoved;

    /**
     * @param exchanged told of the new order after each exchange, so the order it came from is read again
     * @param cashMoved told when an exchange took or gave back cash (the drawer's figures change)
     */
    public ExchangeViewModel(ServerApi api, TaskExecutor tasks, ShowTimes times,
                             RetrySafeRequest<ExchangeRequest> attempt, Consumer<OrderView> exchanged,
                             Runnable cashMoved) {
        this.api = api;
        this.tasks = tasks;
        this.times = times;
        this.attempt = attempt;
        this.exchanged = exchanged;
        this.cashMoved = cashMoved;
        this.shows = new ShowBrowser(api, tasks, times, this::show);
        pick.totalCentsProperty().addListener((property, before, now) -> recount());
        pick.ticketCountProperty().addListener((property, before, now) -> recount());
    }

    // Properties

    /** True while the exchange is on screen instead of the desk. */
    public ReadOnlyBooleanProperty openProperty() {
        return open.getReadOnlyProperty();
    }

    /** "Giving back 2 tickets of Late Night Jazz: $50.00". */
    public ReadOnlyStringProperty givenBackProperty() {
        return givenBack.getReadOnlyProperty();
    }

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

    /** How the difference is paid, when there is one to pay. */
    public PaymentForm payment() {
        return payment;
    }

    /** "To pay $20.00", "To give back $10.00 in cash", "Even: nothing to pay or give back". */
    public ReadOnlyStringProperty differenceProperty() {
        return difference.getReadOnlyProperty();
    }

    /** How the difference comes about: "New tickets $70.00 less $50.00 given back". */
    public ReadOnlyStringProperty breakdownProperty() {
        return breakdown.getReadOnlyProperty();
    }

    /** True when the new tickets cost more: the payment form is needed. */
    public ReadOnlyBooleanProperty toPayProperty() {
        return toPay.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** True while an exchange was sent but its answer was lost: only retrying it (or discarding it) is allowed. */
    public ReadOnlyBooleanProperty outcomeUnknownProperty() {
        return outcomeUnknown.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorMessageProperty() {
        return errorMessage.getReadOnlyProperty();
    }

    /** The new order once the exchange is done, until the next one starts. */
    public ReadOnlyObjectProperty<Receipt> receiptProperty() {
        return receipt.getReadOnlyProperty();
    }

    /** What the clerk does with money after the exchange: "Change due $5.00", "Give back $10.00 in cash"... */
    public ReadOnlyStringProperty settledProperty() {
        return settled.getReadOnlyProperty();
    }

    // Commands

    /** Opens the exchange of these tickets of this order; an exchange still unsettled is shown again instead. */
    public void start(OrderView order, List<TicketView> tickets) {
        open.set(true);
        if (busy.get() || outcomeUnknown.get()) {
            return;
        }
        from = order;
        given = List.copyOf(tickets);
        givenBack.set("Giving back " + given.size() + (given.size() == 1 ? " ticket" : " tickets") + " of "
                + order.eventTitle() + ": " + Money.format(ExchangeMoney.credit(given)));
        receipt.set(null);
        settled.set("");
        errorMessage.set("");
        pick.clearChoice();
        payment.reset();
        recount();
        shows.refresh();
        refresh();
    }

    /** Back to the desk; refused while an exchange is being sent or its outcome is unknown. */
    public void close() {
        if (busy.get() || outcomeUnknown.get()) {
            errorMessage.set("Settle this exchange first: Ctrl+Enter tries it again (it cannot exchange twice).");
            return;
        }
        open.set(false);
    }

    /** Another show for the new tickets (null: none); loads what is left of it. */
    public void show(ShowEntry entry) {
        show.set(entry);
        seated.set(entry != null && entry.seatingMode() == SeatingMode.SEATED);
        pick.clear();
        errorMessage.set("");
        refresh();
    }

    public void refresh() {
        ShowEntry entry = show.get();
        if (entry != null) {
            tasks.run(() -> api.availability(entry.showId()), this::applyAvailability,
                    failure -> errorMessage.set(Failures.describe(failure)));
        }
    }

    /** The live hook: counts in the list, and the new show's tiers and seat colours, follow every push. */
    public void applyAvailability(Availability availability) {
        shows.applyAvailability(availability);
        ShowEntry entry = show.get();
        if (entry != null && availability.showId() == entry.showId()) {
            pick.apply(availability, entry.seatingMode());
        }
    }

    /** Sends the exchange (or retries the one whose answer was lost, exactly as it was sent). */
    public void exchange() {
        if (busy.get() || from == null) {
            return;
        }
        ExchangeRequest request = attempt.unsettled().orElseGet(this::requestFromForm);
        if (request == null) {
            return;
        }
        RetrySafeRequest.Attempt<ExchangeRequest> sending = attempt.start(request);
        String orderId = from.id();
        busy.set(true);
        errorMessage.set("");
        tasks.run(() -> api.exchange(orderId, sending.request(), sending.key()), this::completed, this::failed);
    }

    /** Gives up on an exchange whose outcome is unknown; the clerk has checked it did not go through. */
    public void discardUnsettled() {
        attempt.abandon();
        outcomeUnknown.set(false);
        errorMessage.set("");
    }

    private ExchangeRequest requestFromForm() {
        ShowEntry entry = show.get();
        String problem = entry == null ? "Choose the show of the new tickets first."
                : !entry.onSale() ? "This show is not on sale."
                : !pick.blockingProblem().isEmpty() ? pick.blockingProblem()
                : toPay.get() ? payment.problem().orElse("") : "";
        if (!problem.isEmpty()) {
            errorMessage.set(problem);
            return null;
        }
        List<String> ticketIds = given.stream().map(TicketView::id).toList();
        Payment paid = toPay.get() ? payment.payment() : null;
        return pick.picksSeats()
                ? new ExchangeRequest(ticketIds, entry.showId(), null, pick.seatIds(), paid)
                : new ExchangeRequest(ticketIds, entry.showId(), pick.basket().items(), null, paid);
    }

    private void completed(OrderView order) {
        attempt.finish(null);
        busy.set(false);
        outcomeUnknown.set(false);
        settled.set(ExchangeMoney.settled(order, from));
        boolean cash = ExchangeMoney.cashMoved(order, from);
        // The tickets given back are EXCHANGED now: the next exchange starts again from the desk.
        from = null;
        given = List.of();
        receipt.set(Receipt.of(order, times));
        pick.clearChoice();
        payment.reset();
        refresh();
        exchanged.accept(order);
        if (cash) {
            cashMoved.run();
        }
    }

    private void failed(Exception failure) {
        attempt.finish(failure);
        busy.set(false);
        outcomeUnknown.set(attempt.unsettled().isPresent());
        String sentence = Failures.describe(failure, pick);
        errorMessage.set(outcomeUnknown.get() ? sentence
                + " The exchange may have gone through: press Ctrl+Enter to try again (it cannot exchange twice)."
                : sentence);
        if (Failures.is(failure, ErrorCode.INSUFFICIENT_INVENTORY) || Failures.is(failure, ErrorCode.SEAT_UNAVAILABLE)) {
            refresh();
        }
    }

    /** The difference as the clerk reads it, and whether the payment form is needed. */
    private void recount() {
        long newCents = pick.totalCentsProperty().get();
        long credit = ExchangeMoney.credit(given);
        long owed = newCents - credit;
        boolean picked = pick.ticketCountProperty().get() > 0 && from != null;
        toPay.set(picked && owed > 0);
        payment.setTotalCents(Math.max(0, owed));
        if (!picked) {
            difference.set(from == null ? "" : "Pick the new tickets to see the difference.");
            breakdown.set("");
            return;
        }
        difference.set(ExchangeMoney.difference(owed, from));
        breakdown.set("New tickets " + Money.format(newCents) + " less " + Money.format(credit) + " given back");
    }
}
