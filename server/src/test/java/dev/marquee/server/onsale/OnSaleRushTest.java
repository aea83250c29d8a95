package dev.marquee.server.onsale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marquee.server.testing.ApiClient;
import dev.marquee.server.testing.Invariants;
import dev.marquee.server.testing.Race;
import dev.marquee.server.testing.Shows.Tier;
import dev.marquee.server.testing.Shows;
import dev.marquee.server.testing.TestServer;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hundreds of fans at once for a few tickets, as a fan's client behaves: hold; sent to the line, join it and wait
 * for the admission; then hold and pay. Nobody is ever told to try again, everyone ends with tickets or is told the
 * show sold out, and the tickets go to the front of the line.
 */
class OnSaleRushTest {

    private static TestServer server;
    private static Shows shows;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        shows = new Shows(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void twoHundredFansForFiftyTicketsThroughALineThatIsOn() {
        Shows.Show show = shows.ga(Tier.ga("GA", 1000, 50));
        shows.waitingRoom(show, "ON");

        List<RushingFan.Outcome> outcomes = rush(show, 200);

        assertEveryFanBoughtOrWasToldSoldOut(outcomes);
        List<Long> buyers = outcomes.stream().filter(o -> o.end().equals("BOUGHT")).map(RushingFan.Outcome::number).sorted()
                .toList();
        assertEquals(LongStream.rangeClosed(1, 50).boxed().toList(), buyers, "the first fifty in line bought");
        assertEquals(150, outcomes.stream().filter(o -> o.end().equals("SOLD_OUT")).count());
        assertNoRetryLater(outcomes);
        assertEquals(50, server.number("SELECT sold FROM tiers WHERE id = ?", show.tier(0)));
        Invariants.check(server, show.id());
    }

    @Test
    void twoHundredFansForFiftyTicketsOnAnAutoShow() {
        Shows.Show show = shows.ga(Tier.ga("GA", 1000, 50));

        List<RushingFan.Outcome> outcomes = rush(show, 200);

        assertEquals(50, outcomes.stream().filter(o -> o.end().equals("BOUGHT")).count());
        assertEquals(150, outcomes.stream().filter(o -> o.end().equals("SOLD_OUT")).count());
        assertNoRetryLater(outcomes);
        assertEquals(50, server.number("SELECT sold FROM tiers WHERE id = ?", show.tier(0)));
        Invariants.check(server, show.id());
    }

    private static void assertEveryFanBoughtOrWasToldSoldOut(List<RushingFan.Outcome> outcomes) {
        List<RushingFan.Outcome> other = outcomes.stream()
                .filter(o -> !o.end().equals("BOUGHT") && !o.end().equals("SOLD_OUT")).toList();
        assertEquals(List.of(), other, "fans whose rush ended otherwise");
    }

    private static void assertNoRetryLater(List<RushingFan.Outcome> outcomes) {
        List<Integer> statuses = outcomes.stream().flatMap(o -> o.statuses().stream()).toList();
        assertTrue(statuses.stream().noneMatch(status -> status == 429 || status >= 500), statuses.toString());
    }

    private static List<RushingFan.Outcome> rush(Shows.Show show, int fans) {
        List<ApiClient> clients = IntStream.range(0, fans).mapToObj(i -> server.fan()).toList();
        return Race.run(fans, i -> RushingFan.buy(clients.get(i), show));
    }

}
