package dev.marquee.server.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marquee.model.catalog.Availability;
import dev.marquee.server.error.ApiException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** New subscribers' snapshots: read after they joined, shared by those who join while a read runs. */
class ShowFeedSnapshotTest {

    /** Each read waits here until the test answers it, so the test decides when reads end. */
    private final LinkedBlockingQueue<CompletableFuture<Availability>> reads = new LinkedBlockingQueue<>();
    private final AtomicLong version = new AtomicLong();
    private final LiveHub hub = new LiveHub(showId -> {
        CompletableFuture<Availability> answer = new CompletableFuture<>();
        reads.add(answer);
        return answer.join();
    }, showId -> {
        throw new UnsupportedOperationException("no line in this test");
    });
    private final ShowFeed feed = new ShowFeed(7, hub);

    @AfterEach
    void stop() {
        hub.stop(Duration.ZERO);
    }

    @Test
    void subscribersJoiningDuringAReadShareTheOneReadAfterIt() throws Exception {
        CompletableFuture<Availability> first = feed.snapshotForNewSubscriber();
        CompletableFuture<Availability> firstRead = nextRead();
        List<CompletableFuture<Availability>> joinedDuringIt = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            joinedDuringIt.add(feed.snapshotForNewSubscriber());
        }
        // Nobody who joined during the first read gets its answer: that read may predate their joining.
        Availability before = availability();
        firstRead.complete(before);
        assertSame(before, first.get(5, TimeUnit.SECONDS));
        assertTrue(joinedDuringIt.stream().noneMatch(CompletableFuture::isDone));

        Availability after = availability();
        nextRead().complete(after);
        for (CompletableFuture<Availability> snapshot : joinedDuringIt) {
            assertSame(after, snapshot.get(5, TimeUnit.SECONDS));
        }
        assertEquals(0, reads.size(), "51 subscribers, two reads");
    }

    @Test
    void aFailedReadReachesEveryoneWaitingAndTheNextSubscriberReadsAfresh() throws Exception {
        CompletableFuture<Availability> first = feed.snapshotForNewSubscriber();
        CompletableFuture<Availability> second = feed.snapshotForNewSubscriber();
        ApiException unavailable = ApiException.unavailable("The database is not answering.");
        nextRead().completeExceptionally(unavailable);
        assertFailedWith(unavailable, first);
        nextRead().completeExceptionally(unavailable);
        assertFailedWith(unavailable, second);

        CompletableFuture<Availability> later = feed.snapshotForNewSubscriber();
        Availability now = availability();
        nextRead().complete(now);
        assertSame(now, later.get(5, TimeUnit.SECONDS));
    }

    @Test
    void aStoppedHubFailsTheSnapshotRatherThanLeavingItWaiting() {
        hub.stop(Duration.ZERO);
        assertThrows(ExecutionException.class, () -> feed.snapshotForNewSubscriber().get(5, TimeUnit.SECONDS));
    }

    private CompletableFuture<Availability> nextRead() throws InterruptedException {
        CompletableFuture<Availability> read = reads.poll(5, TimeUnit.SECONDS);
        assertTrue(read != null, "a read started");
        return read;
    }

    private Availability availability() {
        return new Availability(7, version.incrementAndGet(), List.of(), null);
    }

    private static void assertFailedWith(RuntimeException expected, CompletableFuture<Availability> snapshot) {
        ExecutionException failure = assertThrows(ExecutionException.class, () -> snapshot.get(5, TimeUnit.SECONDS));
        assertSame(expected, failure.getCause());
    }
}
