package dev.marquee.server.booking;

import dev.marquee.server.platform.TooManyRequestsException;
import java.time.Duration;
import java.util.function.IntSupplier;

/**
 * Refuses a booking at once (429 with Retry-After) when the queue ahead of the connection pool is already longer
 * than the latency budget allows, rather than letting it and everyone behind it time out. The lanes bound their
 * own queues the same way (see {@link LaneLimits}).
 */
public final class Admission {

    private final IntSupplier waitingForConnection;
    private final int maxWaiting;

    public Admission(IntSupplier waitingForConnection, int maxWaiting) {
        this.waitingForConnection = waitingForConnection;
        this.maxWaiting = maxWaiting;
    }

    void admit() {
        if (waitingForConnection.getAsInt() >= maxWaiting) {
            throw new TooManyRequestsException("The box office is very busy right now. Please try again in a moment.",
                    Duration.ofSeconds(1));
        }
    }
}
