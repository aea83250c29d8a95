package dev.marquee.server;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.marquee.server.testing.ApiClient;
import dev.marquee.server.testing.ApiResponse;
import dev.marquee.server.testing.Invariants;
import dev.marquee.server.testing.Shows.Tier;
import dev.marquee.server.testing.Shows;
import dev.marquee.server.testing.TestServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The failures that are not the caller's doing: a request still running, a broken invariant, a lost database. */
class FailureAnswersTest {

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
    void aDuplicateWhileTheFirstRequestIsStillRunningAnswersInProgress() {
        Shows.Show show = shows.ga(Tier.ga("GA", 1000, 10));
        ApiClient fan = server.fan();
        Map<String, Object> body = Map.of("showId", show.id(), "items", List.of(Map.of("tierId", show.tier(0), "quantity", 1)));

        CompletableFuture<ApiResponse> first = server.whileLocked("SELECT * FROM tiers WHERE id = ? FOR UPDATE", () -> {
            CompletableFuture<ApiResponse> running = CompletableFuture.supplyAsync(() -> fan.postOnce("/api/holds", "slow", body));
            await().atMost(Duration.ofSeconds(4)).until(() -> server.number(
                    "SELECT count(*) FROM idempotency_keys WHERE idem_key = 'slow'") == 1);
            ApiResponse duplicate = fan.postOnce("/api/holds", "slow", body);
            assertEquals(409, duplicate.status(), duplicate::toString);
            assertEquals("IDEMPOTENCY_IN_PROGRESS", duplicate.error());
            return running;
        }, show.tier(0));

        assertEquals(201, first.join().status());
        assertEquals("true", fan.postOnce("/api/holds", "slow", body).header("Idempotent-Replayed"));
    }

    @Test
    void aRetryTakesOverAClaimThatCouldNotBeReleased() {
        Shows.Show show = shows.ga(Tier.ga("GA", 1000, 10));
        ApiClient fan = server.fan();
        Map<String, Object> body = Map.of("showId", show.id(), "items", List.of(Map.of("tierId", show.tier(0), "quantity", 1)));
        // As when the primary dies between a request's claim and its transaction: the transaction fails (503) and
        // so does the claim's release, leaving the key IN_PROGRESS with nothing running it.
        server.update("""
                CREATE FUNCTION fail_for_a_while() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'the database is failing over' USING ERRCODE = '55P03'; END $$""");
        server.update("CREATE TRIGGER failing_holds BEFORE INSERT ON holds FOR EACH ROW WHEN (NEW.show_id = "
                + show.id() + ") EXECUTE FUNCTION fail_for_a_while()");
        server.update("CREATE TRIGGER failing_releases BEFORE DELETE ON idempotency_keys FOR EACH ROW"
                + " WHEN (OLD.idem_key = 'failing-over') EXECUTE FUNCTION fail_for_a_while()");
        try {
            assertEquals(503, fan.postOnce("/api/holds", "failing-over", body).status());
            assertEquals("IN_PROGRESS", server.query(
                    "SELECT state FROM idempotency_keys WHERE idem_key = 'failing-over'").getFirst().get("state"));
        } finally {
            server.update("DROP TRIGGER failing_holds ON holds");
            server.update("DROP TRIGGER failing_releases ON idempotency_keys");
            server.update("DROP FUNCTION fail_for_a_while()");
        }

        ApiResponse retry = fan.postOnce("/api/holds", "failing-over", body);

        assertEquals(201, retry.status(), "this instance knows it no longer runs the request: " + retry);
        assertEquals("true", fan.postOnce("/api/holds", "failing-over", body).header("Idempotent-Replayed"));
    }

    @Test
    void aConnectionLostMidTransactionIsUnavailableNotInternal() {
        Shows.Show show = shows.ga(Tier.ga("GA", 1000, 10));
        Map<String, Object> body = Map.of("showId", show.id(), "items", List.of(Map.of("tierId", show.tier(0), "quantity", 1)));
        // The pool closes a connection whose statement reports a lost connection (08006, as when the primary dies);
        // what runs next on it in the same transaction fails with no SQL state at all.
        server.update("""
                CREATE FUNCTION lose_the_connection() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'the primary went away' USING ERRCODE = '08006'; END $$""");
        server.update("CREATE TRIGGER losing_holds BEFORE INSERT ON holds FOR EACH ROW WHEN (NEW.show_id = "
                + show.id() + ") EXECUTE FUNCTION lose_the_connection()");
        try {
            ApiResponse hold = server.fan().postOnce("/api/holds", body);

            assertEquals(503, hold.status(), hold::toString);
            assertEquals("1", hold.header("Retry-After"));
        } finally {
            server.update("DROP TRIGGER losing_holds ON holds");
            server.update("DROP FUNCTION lose_the_connection()");
        }
        assertEquals(201, server.fan().postOnce("/api/holds", body).status());
        Invariants.check(server, show.id());
    }

    @Test
    void aBrokenInvariantIsInternalWithACorrelationIdAndNoInternals() {
        Shows.Show show = shows.ga(Tier.ga("GA", 1000, 10));
        ApiClient fan = server.fan();
        ApiResponse hold = fan.postOnce("/api/holds",
                Map.of("showId", show.id(), "items", List.of(Map.of("tierId", show.tier(0), "quantity", 2))));
        server.update("UPDATE tiers SET held = 0 WHERE id = ?", show.tier(0));

        ApiResponse release = fan.delete("/api/holds/" + hold.body().get("id").asText());

        assertEquals(500, release.status());
        assertEquals("INTERNAL", release.error());
        assertNotNull(release.body().at("/details/correlationId").asText(null));
        assertFalse(release.body().toString().matches(".*(Exception|constraint|tiers_|SQL).*"), release.toString());
        assertEquals("ACTIVE", server.query("SELECT status FROM holds WHERE id = ?::uuid",
                hold.body().get("id").asText()).getFirst().get("status"), "the failed transaction left nothing behind");
    }

    @Test
    void losingTheDatabaseAnswersServiceUnavailableAndHealthGoesDown() throws Exception {
        String database = server.query("SELECT current_database() AS name").getFirst().get("name").toString();
        String adminUrl = server.dbUrl().replace("/" + database, "/postgres");
        try (Connection admin = DriverManager.getConnection(adminUrl, "postgres", "");
             Statement statement = admin.createStatement()) {
            try {
                statement.execute("ALTER DATABASE " + database + " ALLOW_CONNECTIONS false");
                statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
                        + database + "'");
                await().atMost(Duration.ofSeconds(20)).until(() -> server.anonymous().get("/api/events").status() == 503);
                ApiResponse events = server.anonymous().get("/api/events");
                assertEquals("SERVICE_UNAVAILABLE", events.error());
                assertEquals("1", events.header("Retry-After"));
                assertEquals(503, server.operator().get("/observe/health").status());
            } finally {
                statement.execute("ALTER DATABASE " + database + " ALLOW_CONNECTIONS true");
            }
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> server.operator().get("/observe/health").status() == 200);
        assertEquals(200, server.anonymous().get("/api/events").status());
    }
}
