package dev.marquee.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PushProbeTest {

    @Test
    void readsCommittedAtOfAnAvailabilityMessageInEpochNanos() {
        String message = "{\"type\":\"availability\",\"showId\":7,\"version\":12,"
                + "\"committedAt\":\"2026-11-23T00:30:01.123456Z\",\"tiers\":[],\"seats\":[]}";
        Instant expected = Instant.parse("2026-11-23T00:30:01.123456Z");
        assertEquals(expected.getEpochSecond() * 1_000_000_000L + 123_456_000, PushProbe.committedAtNanos(message));
    }

    @Test
    void ignoresSnapshotsAndErrors() {
        assertEquals(0, PushProbe.committedAtNanos("{\"type\":\"snapshot\",\"showId\":7,\"version\":12,\"tiers\":[]}"));
        assertEquals(0, PushProbe.committedAtNanos("{\"type\":\"error\",\"error\":\"NOT_FOUND\",\"message\":\"x\"}"));
    }
}
