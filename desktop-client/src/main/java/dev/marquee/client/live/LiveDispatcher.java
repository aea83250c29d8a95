package dev.marquee.client.live;

import dev.marquee.model.catalog.Availability;
import dev.marquee.model.live.AvailabilityMessage;
import dev.marquee.model.live.OfferMessage;
import dev.marquee.model.live.QueueMessage;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * Hands what the live connection hears to the screens, on the FX thread: every availability push and every move
 * of a show's waiting line to every listening view model, the signed-in user's waiting-list offers, and whether the
 * server can be reached at all.
 */
public final class LiveDispatcher {

    private final ReadOnlyBooleanWrapper offline = new ReadOnlyBooleanWrapper(this, "offline");
    private final List<Consumer<Availability>> listeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<QueueMessage>> lineListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<OfferMessage>> offerListeners = new CopyOnWriteArrayList<>();
    private final Executor ui;

    /** @param ui the FX thread (tests: their own thread) */
    public LiveDispatcher(Executor ui) {
        this.ui = ui;
    }

    /** True while the live connection is down; it reconnects by itself. */
    public ReadOnlyBooleanProperty offlineProperty() {
        return offline.getReadOnlyProperty();
    }

    /** A view model's {@code applyAvailability}: it will hear every push for every watched show. */
    public void addListener(Consumer<Availability> listener) {
        listeners.add(listener);
    }

    /** A view model's {@code applyLine}: it will hear every move of every watched show's waiting line. */
    public void addLineListener(Consumer<QueueMessage> listener) {
        lineListeners.add(listener);
    }

    /** A view model's {@code applyOffer}: it will hear each offer made to the signed-in user's entries. */
    public void addOfferListener(Consumer<OfferMessage> listener) {
        offerListeners.add(listener);
    }

    void received(OfferMessage message) {
        ui.execute(() -> offerListeners.forEach(listener -> listener.accept(message)));
    }

    void received(QueueMessage message) {
        ui.execute(() -> lineListeners.forEach(listener -> listener.accept(message)));
    }

    void received(AvailabilityMessage message) {
        Availability availability = new Availability(message.showId(), message.version(), message.tiers(),
                message.seats());
        ui.execute(() -> listeners.forEach(listener -> listener.accept(availability)));
    }

    void connected(boolean up) {
        ui.execute(() -> offline.set(!up));
    }
}
