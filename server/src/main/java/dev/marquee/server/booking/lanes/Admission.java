package dev.marquee.server.booking.lanes;

import dev.marquee.server.error.TooManyRequestsException;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.function.IntSupplier;

/**
 * Refuses a booking at once (429 with Retry-After) when the queue ahead of the connection pool is already longer
 * than the latency budget allows, or the line for its show is (see {@link LaneLimits}), rather than letting it and
 * everyone behind it time out. Handlers ask as soon as they know the show, before the rest of the request is read
 * and checked: under overload most requests are refused, and a refusal should cost as little as it can.
 */
public final class Admission {

    private final IntSupplier waitingForConnection;
    private final int maxWaiting;
    private final BookingStrategy strategy;

    public Admission(IntSupplier waitingForConnection, int maxWaiting, BookingStrategy strategy) {
        this.waitingForConnection = waitingForConnection;
        this.maxWaiting = maxWaiting;
        this.strategy = strategy;
    }

    /** Refuses when the connection pool's queue is full. */
    private void admitToPool() {
        if (waitingForConnection.getAsInt() >= maxWaiting) {
            throw new TooManyRequestsException("The box office is very busy right now. Please try again in a moment.",
                    Duration.ofSeconds(1));
        }
    }

    /**
     * Whether the show's bookings are under pressure: its lane would refuse, or the pool's queue is half full. The
     * waiting room slows its admissions when they are.
     */
    public boolean underPressure(long showId) {
        return waitingForConnection.getAsInt() >= maxWaiting / 2 || strategy.busy(showId);
    }

    /** Refuses when the pool's queue is full or, for a request that names its show, when that show's line is. */
    public void admit(OptionalLong showId) {
        admitToPool();
        if (showId.isPresent() && strategy.busy(showId.getAsLong())) {
            throw BookingLane.busyRefusal();
        }
    }
}
