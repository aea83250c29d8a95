package dev.marquee.server.booking.lanes;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.marquee.server.booking.orders.SaleJob;
import dev.marquee.server.booking.orders.SaleOutcome;
import dev.marquee.server.db.TransactionRunner;
import dev.marquee.server.error.TooManyRequestsException;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AdmissionTest {

    private final AtomicInteger waiting = new AtomicInteger();
    private final Set<Long> busyShows = ConcurrentHashMap.newKeySet();
    private final Admission admission = new Admission(waiting::get, 3, new BookingStrategy() {
        @Override
        public TransactionRunner forShow(long showId, boolean refuseWhenBusy) {
            throw new UnsupportedOperationException();
        }

        @Override
        public SaleOutcome sell(SaleJob job) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean busy(long showId) {
            return busyShows.contains(showId);
        }
    });

    @Test
    void bookingsAreRefusedOnlyWhileThePoolQueueIsAtItsLimit() {
        waiting.set(2);
        assertDoesNotThrow(() -> admission.admit(OptionalLong.empty()));
        waiting.set(3);
        TooManyRequestsException refused = assertThrows(TooManyRequestsException.class,
                () -> admission.admit(OptionalLong.empty()));
        assertEquals(1, refused.retryAfterSeconds());
        assertThrows(TooManyRequestsException.class, () -> admission.admit(OptionalLong.of(7)));
        waiting.set(0);
        assertDoesNotThrow(() -> admission.admit(OptionalLong.empty()));
    }

    @Test
    void aBookingForABusyShowIsRefusedAndOthersAreNot() {
        busyShows.add(7L);

        TooManyRequestsException refused = assertThrows(TooManyRequestsException.class,
                () -> admission.admit(OptionalLong.of(7)));
        assertEquals(1, refused.retryAfterSeconds());
        assertDoesNotThrow(() -> admission.admit(OptionalLong.of(8)));
        assertDoesNotThrow(() -> admission.admit(OptionalLong.empty()), "a request naming no show is checked later");
        busyShows.clear();
        assertDoesNotThrow(() -> admission.admit(OptionalLong.of(7)));
    }
}
