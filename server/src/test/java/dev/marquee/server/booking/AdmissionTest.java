package dev.marquee.server.booking;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.marquee.server.platform.TooManyRequestsException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AdmissionTest {

    @Test
    void bookingsAreRefusedOnlyWhileThePoolQueueIsAtItsLimit() {
        AtomicInteger waiting = new AtomicInteger();
        Admission admission = new Admission(waiting::get, 3);

        waiting.set(2);
        assertDoesNotThrow(admission::admit);
        waiting.set(3);
        TooManyRequestsException refused = assertThrows(TooManyRequestsException.class, admission::admit);
        assertEquals(1, refused.retryAfterSeconds());
        waiting.set(0);
        assertDoesNotThrow(admission::admit);
    }
}
