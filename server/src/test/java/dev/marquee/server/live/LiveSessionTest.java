package dev.marquee.server.live;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marquee.model.Json;
import dev.marquee.model.catalog.Availability;
import dev.marquee.model.catalog.SeatAvailability;
import dev.marquee.model.catalog.SeatStatus;
import dev.marquee.model.live.AvailabilityMessage;
import dev.marquee.server.observe.Meters;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What one client gets: per show, every change folded into what waits, nothing stale, nothing after forgetting. */
class LiveSessionTest {

    private static final long SHOW = 7;
    private static final long OTHER_SHOW = 8;

    private final ObjectMapper mapper = Json.newMapper();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final PushWriters writers = new PushWriters(1, timer);
    private final PushCounters pushes = PushCounters.registeredIn(Meters.create());
    // Helidon keeps one registry per process: the test reads how far the counter moved.
    private final long coalescedAtStart = pushes.coalesced().count();
    private final CountDownLatch release = new CountDownLatch(1);
    private final RecordingSocket socket = new RecordingSocket(release);
    private final LiveSession session = new LiveSession(socket, new MessageText(mapper), pushes, writers);

    @AfterEach
    void stop() {
        release.countDown();
        timer.shutdownNow();
    }

    @Test
    void changesThatArriveWhileTheClientIsBusyFoldIntoOneMessagePerShow() throws Exception {
        watchBothShowsWhileTheFirstSnapshotIsBeingWritten();

        session.offer(change(SHOW, 2, seat(1, SeatStatus.HELD)));
        session.offer(change(SHOW, 3, seat(2, SeatStatus.SOLD)));
        session.offer(change(OTHER_SHOW, 5, seat(9, SeatStatus.HELD)));
        release.countDown();

        await().atMost(Duration.ofSeconds(5)).until(() -> socket.sent.size() == 3);
        List<JsonNode> sent = sent();
        assertEquals("snapshot:7:1", describe(sent.getFirst()));
        assertEquals(List.of("availability:7:3", "availability:8:5"),
                sent.stream().skip(1).map(LiveSessionTest::describe).sorted().toList());
        JsonNode folded = sent.stream().filter(message -> describe(message).equals("availability:7:3")).findFirst()
                .orElseThrow();
        assertEquals(List.of(1L, 2L), seatIds(folded));
        assertEquals(1, pushes.coalesced().count() - coalescedAtStart);
    }

    @Test
    void aMessageNoNewerThanWhatWasSentIsDroppedButASnapshotOfThatVersionGoes() throws Exception {
        release.countDown();
        session.watch(SHOW);
        session.offer(change(SHOW, 3, seat(1, SeatStatus.HELD)));
        await().atMost(Duration.ofSeconds(5)).until(() -> socket.sent.size() == 1);

        session.offer(change(SHOW, 3, seat(1, SeatStatus.HELD)));
        session.offer(change(SHOW, 2, seat(1, SeatStatus.AVAILABLE)));
        session.offer(snapshot(SHOW, 2));
        session.offer(snapshot(SHOW, 3));

        await().atMost(Duration.ofSeconds(5)).until(() -> socket.sent.size() == 2);
        await().atMost(Duration.ofSeconds(5)).until(() -> writers.running() == 0);
        assertEquals(List.of("availability:7:3", "snapshot:7:3"), sent().stream().map(LiveSessionTest::describe)
                .toList());
    }

    @Test
    void aShowForgottenWhileItsMessageWaitedIsNeitherWrittenNorTakenAgain() throws Exception {
        watchBothShowsWhileTheFirstSnapshotIsBeingWritten();
        session.offer(change(OTHER_SHOW, 4, seat(9, SeatStatus.HELD)));
        session.forget(OTHER_SHOW);
        session.offer(change(OTHER_SHOW, 5, seat(9, SeatStatus.SOLD)));
        session.offer(change(SHOW, 2, seat(1, SeatStatus.HELD)));
        release.countDown();

        await().atMost(Duration.ofSeconds(5)).until(() -> socket.sent.size() == 2);
        await().atMost(Duration.ofSeconds(5)).until(() -> writers.running() == 0);
        assertEquals(List.of("snapshot:7:1", "availability:7:2"), sent().stream().map(LiveSessionTest::describe)
                .toList());
        assertEquals(List.of(SHOW), List.copyOf(session.watchedShows()));
    }

    /** The client watches both shows, and its socket holds the writer in the first send: show 7's snapshot. */
    private void watchBothShowsWhileTheFirstSnapshotIsBeingWritten() {
        session.watch(SHOW);
        session.watch(OTHER_SHOW);
        session.offer(snapshot(SHOW, 1));
        await().atMost(Duration.ofSeconds(5)).until(() -> socket.sendsStarted.get() == 1);
    }

    private List<JsonNode> sent() throws Exception {
        List<JsonNode> messages = new ArrayList<>();
        for (String text : socket.sent) {
            messages.add(mapper.readTree(text));
        }
        return messages;
    }

    private static String describe(JsonNode message) {
        return message.get("type").asText() + ":" + message.get("showId").asLong() + ":"
                + message.get("version").asLong();
    }

    private static List<Long> seatIds(JsonNode message) {
        List<Long> ids = new ArrayList<>();
        message.get("seats").forEach(seat -> ids.add(seat.get("seatId").asLong()));
        return ids.stream().sorted().toList();
    }

    private static AvailabilityMessage snapshot(long showId, long version) {
        return Messages.snapshot(new Availability(showId, version, List.of(), List.of()));
    }

    private static AvailabilityMessage change(long showId, long version, SeatAvailability seat) {
        return Messages.change(new Availability(showId, version, List.of(), List.of(seat)), null,
                Instant.parse("2026-12-01T20:00:00Z"));
    }

    private static SeatAvailability seat(long id, SeatStatus status) {
        return new SeatAvailability(id, "A" + id, "Stalls", 1, (int) id, null, status);
    }
}
