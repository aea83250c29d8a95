package dev.marquee.server.onsale;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.zaxxer.hikari.HikariDataSource;
import dev.marquee.model.Json;
import dev.marquee.server.audit.Audit;
import dev.marquee.server.db.Transactions;
import dev.marquee.server.observe.Meters;
import dev.marquee.server.testing.Shows.Tier;
import dev.marquee.server.testing.Shows;
import dev.marquee.server.testing.TestServer;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A line whose show's bookings are under pressure round after round (a server kept busy by other shows, or the
 * counter selling hard) still moves: each round admits a trickle, the next fans in number order, never nobody.
 */
class LineUnderPressureTest {

    private static final LineSettings SETTINGS = new LineSettings(Duration.ofSeconds(120), Duration.ofMillis(200),
            Duration.ofSeconds(60), 100, 5_000);

    private static TestServer server;
    private static HikariDataSource pool;
    private static Shows shows;

    @BeforeAll
    static void start() {
        // The server's own rounds stay out of the way: the test runs the rounds itself.
        server = TestServer.start(TestServer.Tuning.DEFAULT.set("MARQUEE_QUEUE_ROUND_MS", 3_600_000));
        pool = server.newPool(2);
        shows = new Shows(server);
    }

    @AfterAll
    static void stop() {
        pool.close();
        server.close();
    }

    @Test
    void everyRoundUnderPressureAdmitsTheNextFewFans() {
        Shows.Show show = shows.ga(Tier.ga("GA", 1000, 100));
        shows.waitingRoom(show, "ON");
        for (int i = 0; i < 20; i++) {
            assertEquals("WAITING", server.fan().post("/api/shows/" + show.id() + "/queue", "").body()
                    .get("state").asText());
        }
        LineRound round = new LineRound(SETTINGS, new Audit(Json.newMapper()),
                LineCounters.registeredIn(Meters.create()), showId -> true);
        Transactions transactions = new Transactions(pool);

        for (int i = 0; i < 3; i++) {
            transactions.inTransaction(tx -> Lines.ensureAndLockIfFree(tx, show.id()).map(line -> round.run(tx, line)));
        }

        // A quarter of the start rate (25 fans a second) is 5 a round of 200 ms: numbers 1 to 15, in order.
        String admitted = "FROM queue_places WHERE show_id = ? AND state = 'ADMITTED'";
        assertEquals(15, server.number("SELECT count(*) " + admitted, show.id()));
        assertEquals(1, server.number("SELECT min(number) " + admitted, show.id()));
        assertEquals(15, server.number("SELECT max(number) " + admitted, show.id()));
        assertEquals(15, server.number("SELECT now_serving FROM show_lines WHERE show_id = ?", show.id()));
    }
}
