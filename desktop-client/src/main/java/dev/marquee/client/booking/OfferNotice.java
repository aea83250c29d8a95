package dev.marquee.client.booking;

import dev.marquee.client.common.Ticker;
import dev.marquee.client.common.format.ShowTimes;
import dev.marquee.model.live.OfferMessage;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The latest waiting-list offer pushed to the signed-in fan (the live connection's {@code offer}): what is held,
 * the time left to check it out, counting down each second, and the one thing to do with it, go to its checkout.
 * Called on the FX thread.
 */
public final class OfferNotice {

    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "");
    private final ReadOnlyStringWrapper countdown = new ReadOnlyStringWrapper(this, "countdown", "");
    private final ReadOnlyBooleanWrapper open = new ReadOnlyBooleanWrapper(this, "open");
    private final ReadOnlyIntegerWrapper arrivals = new ReadOnlyIntegerWrapper(this, "arrivals");

    private final ShowTimes times;
    private final Ticker ticker;
    private final LongFunction<String> showName;
    private final Consumer<String> checkOut;
    private OfferMessage offer;
    private Ticker.Stoppable ticking;

    /**
     * @param showName words a show id
     * @param checkOut goes to the checkout of the hold with this id
     */
    public OfferNotice(ShowTimes times, Ticker ticker, LongFunction<String> showName, Consumer<String> checkOut) {
        this.times = times;
        this.ticker = ticker;
        this.showName = showName;
        this.checkOut = checkOut;
    }

    // Properties

    /** "Tickets for Late Night Jazz, Today, 20:30 came back and are held for you." */
    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    /** "29:41 left to check out", each second; "The offer lapsed" at the end. */
    public ReadOnlyStringProperty countdownProperty() {
        return countdown.getReadOnlyProperty();
    }

    /** True while an offer is shown and can still be taken. */
    public ReadOnlyBooleanProperty openProperty() {
        return open.getReadOnlyProperty();
    }

    /** Offers pushed so far: each one that arrives moves it, so the screen pops it up once. */
    public ReadOnlyIntegerProperty arrivalsProperty() {
        return arrivals.getReadOnlyProperty();
    }

    // Commands

    /** An offer was pushed: it replaces the one shown, if any. */
    public void offered(OfferMessage message) {
        stopTicking();
        offer = message;
        text.set("Tickets for " + showName.apply(message.showId()) + " came back and are held for you.");
        open.set(true);
        tick();
        if (open.get()) {
            ticking = ticker.every(Duration.ofSeconds(1), this::tick);
        }
        arrivals.set(arrivals.get() + 1);
    }

    /** Goes to the offer's checkout; the notice is done with. */
    public void checkOut() {
        if (!open.get()) {
            return;
        }
        String holdId = offer.holdId();
        dismiss();
        checkOut.accept(holdId);
    }

    public void dismiss() {
        stopTicking();
        open.set(false);
        text.set("");
        countdown.set("");
    }

    private void tick() {
        long seconds = Math.max(0, Duration.between(times.now(), offer.expiresAt()).toSeconds());
        if (seconds == 0) {
            stopTicking();
            open.set(false);
            countdown.set("The offer lapsed: the tickets went to the next fan on the list.");
            return;
        }
        countdown.set(seconds / 60 + ":" + String.format("%02d", seconds % 60) + " left to check out");
    }

    private void stopTicking() {
        if (ticking != null) {
            ticking.stop();
            ticking = null;
        }
    }
}
