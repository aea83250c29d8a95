package dev.marquee.client.boxoffice;

import dev.marquee.client.common.TaskExecutor;
import dev.marquee.client.common.api.Failures;
import dev.marquee.client.common.api.RetrySafeRequest;
import dev.marquee.client.common.api.ServerApi;
import dev.marquee.client.common.format.Money;
import dev.marquee.client.common.format.ShowTimes;
import dev.marquee.client.common.format.VoucherPrices;
import dev.marquee.client.common.printing.Receipt;
import dev.marquee.client.common.widgets.PaymentForm;
import dev.marquee.client.common.widgets.ShowEntry;
import dev.marquee.client.common.widgets.TicketPick;
import dev.marquee.model.admin.VoucherView;
import dev.marquee.model.booking.OrderView;
import dev.marquee.model.booking.PaymentMethod;
import dev.marquee.model.booking.SaleRequest;
import dev.marquee.model.catalog.Availability;
import dev.marquee.model.catalog.SeatingMode;
import dev.marquee.model.error.ErrorCode;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One box-office sale of the selected show: tier quantities or seats, cash or card, sent as one
 * {@code POST /api/sales}. A sale whose answer was lost is retried as the very same request under the same
 * Idempotency-Key, so it can never sell twice; until it is settled the form is locked.
 */
public final class SaleViewModel {

    private final ReadOnlyObjectWrapper<ShowEntry> show = new ReadOnlyObjectWrapper<>(this, "show");
    private final ReadOnlyBooleanWrapper seated = new ReadOnlyBooleanWrapper(this, "seated");
    private final TicketPick pick = new TicketPick();
    private final PaymentForm payment = new PaymentForm(PaymentMethod.CASH);
    private final StringProperty customerName = new SimpleStringProperty(this, "customerName", "");
    private final StringProperty voucherCode = new SimpleStringProperty(this, "voucherCode", "");
    private final ReadOnlyStringWrapper voucherNote = new ReadOnlyStringWrapper(this, "voucherNote", "");
    /** The voucher the clerk applied, as the server found it; null when none is. */
    private VoucherView voucher;
    private final ReadOnlyStringWrapper total = new ReadOnlyStringWrapper(this, "total", Money.format(0));
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper outcomeUnknown = new ReadOnlyBooleanWrapper(this, "outcomeUnknown");
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper(this, "errorMessage", "");
    /** The last sale was refused because no drawer was open (SHIFT_CONFLICT). */
    private boolean refusedForDrawer;
    private final ReadOnlyObjectWrapper<Receipt> receipt = new ReadOnlyObjectWrapper<>(this, "receipt");

    private final ServerApi api;
    private final TaskExecutor tasks;
    private final ShowTimes times;
    private final RetrySafeRequest<SaleRequest> attempt;
    private final Consumer<Availability> availabilitySeen;
    private final Runnable sold;

    /**
     * @param availabilitySeen told of every availability this screen loads, so the show list's counts follow
     * @param sold             told after each sale (the cash drawer's figures change)
     */
    public SaleViewModel(ServerApi api, TaskExecutor tasks, ShowTimes times, RetrySafeRequest<SaleRequest> attempt,
                         Consumer<Availability> availabilitySeen, Runnable sold) {
        this.api = api;
        this.tasks = tasks;
        this.times = times;
        this.attempt = attempt;
        this.availabilitySeen = availabilitySeen;
        this.sold = sold;
        pick.totalCentsProperty().addListener((property, before, now) -> retotal());
        // A code changed after it was applied no longer stands until it is applied again.
        voucherCode.addListener((property, before, now) -> {
            if (voucher != null && !voucher.code().equalsIgnoreCase(now == null ? "" : now.strip())) {
                voucher = null;
                voucherNote.set("");
                retotal();
            }
        });
    }

    // Properties

    public ReadOnlyObjectProperty<ShowEntry> showProperty() {
        return show.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty seatedProperty() {
        return seated.getReadOnlyProperty();
    }

    public TicketPick pick() {
        return pick;
    }

    public PaymentForm payment() {
        return payment;
    }

    /** Optional; the server puts the clerk's name on the order when it is left blank. */
    public StringProperty customerNameProperty() {
        return customerName;
    }

    public StringProperty voucherCodeProperty() {
        return voucherCode;
    }

    /** What the applied voucher gives ("10 % off each ticket: $5.00 off"), or why the code was refused. */
    public ReadOnlyStringProperty voucherNoteProperty() {
        return voucherNote.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** True while a sale was sent but its answer was lost: only retrying it (or discarding it) is allowed. */
    public ReadOnlyBooleanProperty outcomeUnknownProperty() {
        return outcomeUnknown.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorMessageProperty() {
        return errorMessage.getReadOnlyProperty();
    }

    /** The last completed sale, until the next one starts; null while a sale is being made. */
    public ReadOnlyObjectProperty<Receipt> receiptProperty() {
        return receipt.getReadOnlyProperty();
    }

    // Commands

    /** Switches to another show (null: none) and loads what is left of it. */
    public void show(ShowEntry entry) {
        show.set(entry);
        seated.set(entry != null && entry.seatingMode() == SeatingMode.SEATED);
        pick.clear();
        errorMessage.set("");
        voucherCode.set("");
        if (entry != null) {
            refresh();
        }
    }

    public void refresh() {
        ShowEntry entry = show.get();
        if (entry == null) {
            return;
        }
        tasks.run(() -> api.availability(entry.showId()), this::applyAvailability,
                failure -> errorMessage.set(Failures.describe(failure)));
    }

    /** The live hook: a newer availability of the shown show updates counts and seat colours in place. */
    public void applyAvailability(Availability availability) {
        availabilitySeen.accept(availability);
        ShowEntry entry = show.get();
        if (entry != null && availability.showId() == entry.showId()) {
            pick.apply(availability, entry.seatingMode());
        }
    }

    /** Starts the next sale: the last receipt goes, quantities, seats and payment are cleared. */
    public void newSale() {
        if (outcomeUnknown.get() || busy.get()) {
            return;
        }
        receipt.set(null);
        errorMessage.set("");
        pick.clearChoice();
        payment.reset();
        customerName.set("");
        voucherCode.set("");
    }

    /** Checks the typed code with the server and, if a sale would take it, prices the tickets with it. */
    public void applyVoucher() {
        ShowEntry entry = show.get();
        String code = voucherCode.get() == null ? "" : voucherCode.get().strip();
        if (entry == null || code.isEmpty() || busy.get()) {
            voucher = null;
            voucherNote.set(code.isEmpty() ? "" : "Choose a show first.");
            retotal();
            return;
        }
        tasks.run(() -> api.voucher(entry.showId(), code), found -> {
            voucher = found;
            retotal();
        }, failure -> {
            voucher = null;
            voucherNote.set(Failures.describe(failure));
            retotal();
        });
    }

    /** The total at the voucher's prices, for the payment too; the note says what the voucher takes off. */
    private void retotal() {
        long full = pick.totalCentsProperty().get();
        long discounted = full;
        if (voucher != null) {
            discounted = pick.tickets().stream().mapToLong(ticket -> VoucherPrices.appliesTo(voucher, ticket.tierId())
                    ? VoucherPrices.price(voucher, ticket.priceCents()) : ticket.priceCents()).sum();
            voucherNote.set(voucher.code() + ": " + VoucherPrices.describe(voucher)
                    + (full > discounted ? ", " + Money.format(full - discounted) + " off this sale" : ""));
        }
        total.set(Money.format(discounted));
        payment.setTotalCents(discounted);
    }

    public void pay() {
        if (busy.get()) {
            return;
        }
        SaleRequest request = attempt.unsettled().orElseGet(this::requestFromForm);
        if (request == null) {
            return;
        }
        RetrySafeRequest.Attempt<SaleRequest> sending = attempt.start(request);
        busy.set(true);
        errorMessage.set("");
        tasks.run(() -> api.sell(sending.request(), sending.key()), this::completed, this::failed);
    }

    /** Gives up on a sale whose outcome is unknown; the clerk has checked it did not go through. */
    public void discardUnsettled() {
        attempt.abandon();
        outcomeUnknown.set(false);
        errorMessage.set("");
    }

    private SaleRequest requestFromForm() {
        ShowEntry entry = show.get();
        String problem = entry == null ? "Choose a show first."
                : !entry.onSale() ? "This show is not on sale."
                : !pick.blockingProblem().isEmpty() ? pick.blockingProblem()
                : payment.problem().orElse("");
        if (!problem.isEmpty()) {
            errorMessage.set(problem);
            return null;
        }
        String name = customerName.get() == null || customerName.get().isBlank() ? null : customerName.get().strip();
        String code = voucher == null ? null : voucher.code();
        return pick.picksSeats()
                ? new SaleRequest(entry.showId(), null, pick.seatIds(), payment.payment(), name, code)
                : new SaleRequest(entry.showId(), pick.basket().items(), null, payment.payment(), name, code);
    }

    private void completed(OrderView order) {
        attempt.finish(null);
        busy.set(false);
        outcomeUnknown.set(false);
        receipt.set(Receipt.of(order, times));
        pick.clearChoice();
        payment.reset();
        customerName.set("");
        voucherCode.set("");
        refresh();
        sold.run();
    }

    /** The clerk's drawer is open now: a refusal that asked for one no longer stands. */
    public void drawerOpened() {
        if (refusedForDrawer) {
            refusedForDrawer = false;
            errorMessage.set("");
        }
    }

    private void failed(Exception failure) {
        attempt.finish(failure);
        refusedForDrawer = Failures.is(failure, ErrorCode.SHIFT_CONFLICT);
        busy.set(false);
        outcomeUnknown.set(attempt.unsettled().isPresent());
        String sentence = Failures.describe(failure, pick);
        errorMessage.set(outcomeUnknown.get()
                ? sentence + " The sale may have gone through: press Ctrl+Enter to try again (it cannot sell twice)."
                : sentence);
        if (Failures.is(failure, ErrorCode.INSUFFICIENT_INVENTORY) || Failures.is(failure, ErrorCode.SEAT_UNAVAILABLE)) {
            refresh();
        }
    }
}
