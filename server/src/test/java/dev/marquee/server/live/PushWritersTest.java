package dev.marquee.server.live;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marquee.model.catalog.Availability;
import dev.marquee.model.live.AvailabilityMessage;
import dev.marquee.server.observe.Meters;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The few threads that write every client's messages: nobody waits long on a stalled client, nothing is lost. */
class PushWritersTest {

    private static final long SHOW = 7;

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final MessageText text = new MessageText(new ObjectMapper().findAndRegisterModules());
    private final PushCounters pushes = PushCounters.registeredIn(Meters.create());

    @AfterEach
    void stop() {
        timer.shutdownNow();
    }

    @Test
    void aClientWhoseSocketBlocksHoldsUpTheOthersOnlyUntilAnotherWriterStarts() {
        PushWriters writers = new PushWriters(1, timer);
        RecordingSocket stalled = new RecordingSocket(new CountDownLatch(1));
        RecordingSocket fast = new RecordingSocket(null);
        LiveSession stalledClient = session(stalled, writers);
        LiveSession fastClient = session(fast, writers);

        stalledClient.offer(message(1));
        await().atMost(Duration.ofSeconds(5)).until(() -> stalled.sendsStarted.get() == 1);
        long offered = System.nanoTime();
        fastClient.offer(message(1));
        await().atMost(Duration.ofSeconds(5)).until(() -> fast.sent.size() == 1);
        long waitedMillis = (System.nanoTime() - offered) / 1_000_000;
        assertTrue(waitedMillis < 1_000, "the fast client waited " + waitedMillis + " ms");

        stalledClient.offer(message(2));
        stalledClient.offer(message(3));
        stalled.release.countDown();
        await().atMost(Duration.ofSeconds(5)).until(() -> stalled.sent.size() == 2);
        assertTrue(stalled.sent.getLast().contains("\"version\":3"), "the two waiting were folded into the last");
        await().atMost(Duration.ofSeconds(5)).until(() -> writers.running() == 0);
    }

    @Test
    void everyClientGetsTheLastMessageAndNoClientIsWrittenByTwoThreadsAtOnce() throws Exception {
        PushWriters writers = new PushWriters(2, timer);
        List<RecordingSocket> sockets = IntStream.range(0, 500).mapToObj(i -> new RecordingSocket(null)).toList();
        List<LiveSession> clients = sockets.stream().map(socket -> session(socket, writers)).toList();
        try (var offering = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int version = 1; version <= 20; version++) {
                AvailabilityMessage message = message(version);
                offering.submit(() -> clients.forEach(client -> client.offer(message)));
            }
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> sockets.stream().allMatch(socket ->
                !socket.sent.isEmpty() && socket.sent.getLast().contains("\"version\":20")));
        assertEquals(0, sockets.stream().mapToInt(socket -> socket.overlapping.get()).sum());
        await().atMost(Duration.ofSeconds(5)).until(() -> writers.running() == 0);
    }

    private LiveSession session(RecordingSocket socket, PushWriters writers) {
        LiveSession session = new LiveSession(socket, text, pushes, writers);
        session.watch(SHOW);
        return session;
    }

    private static AvailabilityMessage message(long version) {
        return Messages.snapshot(new Availability(SHOW, version, List.of(), null));
    }
}
