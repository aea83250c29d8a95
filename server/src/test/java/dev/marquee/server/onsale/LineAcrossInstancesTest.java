package dev.marquee.server.onsale;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.marquee.server.testing.ApiClient;
import dev.marquee.server.testing.ApiResponse;
import dev.marquee.server.testing.Race;
import dev.marquee.server.testing.Shows.Tier;
import dev.marquee.server.testing.Shows;
import dev.marquee.server.testing.TestServer;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One line per show, shared by every instance on the database; a restart loses no place. */
class LineAcrossInstancesTest {

    private static TestServer first;
    private static TestServer second;

    @BeforeAll
    static void start() {
        first = TestServer.start();
        second = TestServer.onDatabase(first.dbUrl(), Duration.ofMinutes(10), false);
    }

    @AfterAll
    static void stop() {
        second.close();
        first.close();
    }

    @Test
    void fansJoiningThroughTwoInstancesGetUniqueNumbersKeptAcrossARestartAndAreAdmittedInOrder() {
        Shows shows = new Shows(first);
        Shows.Show show = shows.ga(Tier.ga("GA", 1000, 10));
        shows.waitingRoom(show, "ON");
        ApiClient clerk = first.clerk();
        ApiResponse counterHold = WaitingRoomTest.hold(clerk, show, 10);
        List<ApiClient> onFirst = IntStream.range(0, 30).mapToObj(i -> first.fan()).toList();
        List<ApiClient> onSecond = onFirst.stream()
                .map(fan -> new ApiClient(second.baseUrl(), fan.token(), fan.userId())).toList();

        List<ApiResponse> joins = Race.run(30, i -> (i % 2 == 0 ? onFirst : onSecond).get(i)
                .post("/api/shows/" + show.id() + "/queue", ""));

        List<Long> numbers = joins.stream().map(join -> join.body().get("number").asLong()).sorted().toList();
        assertEquals(LongStream.rangeClosed(1, 30).boxed().toList(), numbers, Race.statuses(joins));

        first.close();
        first = TestServer.onDatabase(second.dbUrl(), Duration.ofMinutes(10), false);
        ApiClient restarted = new ApiClient(first.baseUrl(), onFirst.get(4).token(), onFirst.get(4).userId());
        assertEquals(joins.get(4).body().get("number").asLong(),
                restarted.get("/api/shows/" + show.id() + "/queue/me").body().get("number").asLong());

        new ApiClient(second.baseUrl(), clerk.token(), clerk.userId())
                .delete("/api/holds/" + counterHold.body().get("id").asText());
        await().atMost(Duration.ofSeconds(10)).until(() -> second.number(
                "SELECT count(*) FROM queue_places WHERE show_id = ? AND state = 'ADMITTED'", show.id()) >= 10);
        assertEquals(LongStream.rangeClosed(1, 10).boxed().toList(), second.query("""
                SELECT number FROM queue_places WHERE show_id = ? AND state = 'ADMITTED' ORDER BY number""", show.id())
                .stream().map(row -> ((Number) row.get("number")).longValue()).toList(),
                "the lowest numbers are admitted first");
    }
}
