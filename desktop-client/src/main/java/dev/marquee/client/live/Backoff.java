package dev.marquee.client.live;

import java.time.Duration;

/** How long to wait before the next reconnect: doubling from a short first wait up to a ceiling. */
final class Backoff {

    private final Duration first;
    private final Duration ceiling;
    private Duration next;

    Backoff(Duration first, Duration ceiling) {
        this.first = first;
        this.ceiling = ceiling;
        this.next = first;
    }

    synchronized Duration next() {
        Duration wait = next;
        next = next.multipliedBy(2).compareTo(ceiling) > 0 ? ceiling : next.multipliedBy(2);
        return wait;
    }

    synchronized void reset() {
        next = first;
    }
}
