package dev.marquee.client.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marquee.model.catalog.Availability;
import dev.marquee.model.catalog.TierAvailability;
import dev.marquee.model.live.AvailabilityMessage;
import dev.marquee.model.live.OfferMessage;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveDispatcherTest {

    private final List<Runnable> onUiThread = new ArrayList<>();
    private final LiveDispatcher dispatcher = new LiveDispatcher(onUiThread::add);

    @Test
    void pushReachesEveryListenerAsAnAvailabilityOnTheUiThread() {
        List<Availability> boxOffice = new ArrayList<>();
        List<Availability> fan = new ArrayList<>();
        dispatcher.addListener(boxOffice::add);
        dispatcher.addListener(fan::add);
        TierAvailability standing = new TierAvailability(8, "Standing", 2500, 300, 297, 1, 2);

        dispatcher.received(new AvailabilityMessage(AvailabilityMessage.AVAILABILITY, 21, 42,
                Instant.parse("2026-07-15T16:00:01Z"), List.of(standing), null));
        assertTrue(boxOffice.isEmpty(), "nothing before the UI thread runs it");
        onUiThread.forEach(Runnable::run);

        Availability expected = new Availability(21, 42, List.of(standing), null);
        assertEquals(List.of(expected), boxOffice);
        assertEquals(List.of(expected), fan);
        assertNull(boxOffice.getFirst().seats(), "a GA push has no seats to merge");
    }

    @Test
    void anOfferReachesItsListenersOnTheUiThreadAndNotTheAvailabilityOnes() {
        List<OfferMessage> offers = new ArrayList<>();
        List<Availability> counts = new ArrayList<>();
        dispatcher.addOfferListener(offers::add);
        dispatcher.addListener(counts::add);
        OfferMessage offer = OfferMessage.of("w-1", 21, "h-9", Instant.parse("2026-07-15T16:30:00Z"));

        dispatcher.received(offer);
        assertTrue(offers.isEmpty(), "nothing before the UI thread runs it");
        onUiThread.forEach(Runnable::run);

        assertEquals(List.of(offer), offers);
        assertTrue(counts.isEmpty());
    }

    @Test
    void offlineWhileTheConnectionIsDown() {
        dispatcher.connected(false);
        onUiThread.forEach(Runnable::run);
        assertTrue(dispatcher.offlineProperty().get());

        onUiThread.clear();
        dispatcher.connected(true);
        onUiThread.forEach(Runnable::run);
        assertFalse(dispatcher.offlineProperty().get());
    }

    @Test
    void webSocketLivesAtSlashWsOnTheSameServer() {
        assertEquals(URI.create("ws://box-office:8080/ws"),
                LiveFeed.webSocketAddress(URI.create("http://box-office:8080")));
        assertEquals(URI.create("wss://tickets.example.org/ws"),
                LiveFeed.webSocketAddress(URI.create("https://tickets.example.org")));
    }

    @Test
    void reconnectWaitsDoubleUpToACeilingAndStartOverAfterSuccess() {
        Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(3));

        assertEquals(List.of(500L, 1000L, 2000L, 3000L, 3000L),
                List.of(backoff.next(), backoff.next(), backoff.next(), backoff.next(), backoff.next()).stream()
                        .map(Duration::toMillis).toList());
        backoff.reset();
        assertEquals(Duration.ofMillis(500), backoff.next());
    }
}
