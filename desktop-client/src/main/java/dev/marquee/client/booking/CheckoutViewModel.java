package dev.marquee.client.booking;

import dev.marquee.client.common.TaskExecutor;
import dev.marquee.client.common.Ticker;
import dev.marquee.client.common.api.Failures;
import dev.marquee.client.common.api.RetrySafeRequest;
import dev.marquee.client.common.api.ServerApi;
import dev.marquee.client.common.format.Money;
import dev.marquee.client.common.format.ShowTimes;
import dev.marquee.client.common.printing.Receipt;
import dev.marquee.client.common.widgets.PaymentForm;
import dev.marquee.model.booking.CheckoutRequest;
import dev.marquee.model.booking.HoldView;
import dev.marquee.model.booking.OrderView;
import dev.marquee.model.booking.PaymentMethod;
import dev.marquee.model.error.ErrorCode;
import java.time.Duration;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The fan's hold: what is held, the time left to pay, and checkout by card. A declined card keeps the hold;
 * a hold that runs out says so and lets the tickets go.
 */
public final class CheckoutViewModel {

    private final ReadOnlyObjectWrapper<HoldView> hold = new ReadOnlyObjectWrapper<>(this, "hold");
    private final ReadOnlyStringWrapper description = new ReadOnlyStringWrapper(this, "description", "");
    private final ReadOnlyStringWrapper total = new ReadOnlyStringWrapper(this, "total", "");
    private final ReadOnlyStringWrapper countdown = new ReadOnlyStringWrapper(this, "countdown", "");
    private final ReadOnlyBooleanWrapper expired = new ReadOnlyBooleanWrapper(this, "expired");
    private final PaymentForm payment = new PaymentForm(PaymentMethod.CARD);
    private final StringProperty customerName = new SimpleStringProperty(this, "customerName", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyObjectWrapper<Receipt> order = new ReadOnlyObjectWrapper<>(this, "order");

    private final ServerApi api;
    private final TaskExecutor tasks;
    private final ShowTimes times;
    private final Ticker ticker;
    private final RetrySafeRequest<CheckoutRequest> attempt;
    private final Runnable ended;
    private Ticker.Stoppable ticking;

    /** @param ended told when the hold ends in any way (paid, released, expired): stock and orders changed */
    public CheckoutViewModel(ServerApi api, TaskExecutor tasks, ShowTimes times, Ticker ticker,
                         RetrySafeRequest<CheckoutRequest> attempt, Runnable ended) {
        this.api = api;
        this.tasks = tasks;
        this.times = times;
        this.ticker = ticker;
        this.attempt = attempt;
        this.ended = ended;
    }

    // Properties

    /** The active hold, or null when there is none. */
    public ReadOnlyObjectProperty<HoldView> holdProperty() {
        return hold.getReadOnlyProperty();
    }

    /** What is held, in words: "2 × Standing" or the seats' labels. */
    public ReadOnlyStringProperty descriptionProperty() {
        return description.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    /** "9:41 left to pay", counting down each second. */
    public ReadOnlyStringProperty countdownProperty() {
        return countdown.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty expiredProperty() {
        return expired.getReadOnlyProperty();
    }

    public PaymentForm payment() {
        return payment;
    }

    public StringProperty customerNameProperty() {
        return customerName;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** What just happened, as a sentence ("Your card was declined..."); "" when nothing. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The order once paid, else null. */
    public ReadOnlyObjectProperty<Receipt> orderProperty() {
        return order.getReadOnlyProperty();
    }

    // Commands

    /** Shows a hold just made; {@code what} says what it holds in the screen's words. */
    public void start(HoldView held, String what) {
        stopTicking();
        hold.set(held);
        description.set(what);
        total.set(Money.format(held.totalCents()));
        order.set(null);
        expired.set(false);
        message.set("");
        payment.setTotalCents(held.totalCents());
        tick();
        ticking = ticker.every(Duration.ofSeconds(1), this::tick);
    }

    public void checkout() {
        HoldView held = hold.get();
        if (held == null || busy.get() || expired.get()) {
            return;
        }
        CheckoutRequest request = attempt.unsettled().orElse(null);
        if (request == null) {
            if (payment.problem().isPresent()) {
                message.set(payment.problem().get());
                return;
            }
            String name = customerName.get() == null || customerName.get().isBlank() ? null : customerName.get().strip();
            request = new CheckoutRequest(payment.payment(), name);
        }
        RetrySafeRequest.Attempt<CheckoutRequest> sending = attempt.start(request);
        busy.set(true);
        message.set("");
        tasks.run(() -> api.checkout(held.id(), sending.request(), sending.key()), this::paid, this::refused);
    }

    /** Lets the tickets go at once, for someone else to buy. */
    public void release() {
        HoldView held = hold.get();
        if (held == null || busy.get()) {
            return;
        }
        busy.set(true);
        tasks.run(() -> {
            api.releaseHold(held.id());
            return null;
        }, done -> {
            busy.set(false);
            finish("");
        }, failure -> {
            busy.set(false);
            message.set(Failures.describe(failure));
        });
    }

    /** Closes the confirmation (or the expired notice) so the next booking can start. */
    public void dismiss() {
        if (hold.get() == null || expired.get()) {
            order.set(null);
            expired.set(false);
            message.set("");
        }
    }

    private void paid(OrderView paidOrder) {
        attempt.finish(null);
        busy.set(false);
        payment.reset();
        finish("");
        order.set(Receipt.of(paidOrder, times));
    }

    private void refused(Exception failure) {
        attempt.finish(failure);
        busy.set(false);
        if (Failures.is(failure, ErrorCode.HOLD_EXPIRED)) {
            expire();
        } else if (Failures.is(failure, ErrorCode.PAYMENT_DECLINED)) {
            message.set("Your card was declined and nothing was charged. Your tickets are still held for you:"
                    + " try another card before the time runs out.");
        } else if (attempt.unsettled().isPresent()) {
            message.set(Failures.describe(failure) + " Your payment may have gone through: press Pay again to"
                    + " check (you will not be charged twice).");
        } else {
            message.set(Failures.describe(failure));
        }
    }

    private void tick() {
        HoldView held = hold.get();
        if (held == null) {
            return;
        }
        long seconds = Math.max(0, Duration.between(times.now(), held.expiresAt()).toSeconds());
        countdown.set(seconds / 60 + ":" + String.format("%02d", seconds % 60) + " left to pay");
        if (seconds == 0 && !busy.get()) {
            expire();
        }
    }

    private void expire() {
        finish("Your hold ran out and the tickets went back on sale. Pick them again to book.");
        expired.set(true);
    }

    private void finish(String sentence) {
        stopTicking();
        attempt.abandon();
        hold.set(null);
        countdown.set("");
        message.set(sentence);
        ended.run();
    }

    private void stopTicking() {
        if (ticking != null) {
            ticking.stop();
            ticking = null;
        }
    }
}
