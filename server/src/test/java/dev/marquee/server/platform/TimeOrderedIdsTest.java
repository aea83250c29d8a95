package dev.marquee.server.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

    @Test
    void idsAreVersionSevenVariantTwoAndUnique() {
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            UUID id = TimeOrderedIds.next();
            assertEquals(7, id.version());
            assertEquals(2, id.variant());
            assertTrue(seen.add(id));
        }
    }

    @Test
    void idsMadeLaterSortAfterAsText() {
        UUID earlier = TimeOrderedIds.next();
        long earlierMillis = earlier.getMostSignificantBits() >>> 16;
        Awaitility.await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(1))
                .until(() -> System.currentTimeMillis() > earlierMillis);
        UUID later = TimeOrderedIds.next();
        assertTrue(earlier.toString().compareTo(later.toString()) < 0, earlier + " then " + later);
        assertEquals(System.currentTimeMillis() / 1000, (later.getMostSignificantBits() >>> 16) / 1000, 1);
    }
}
