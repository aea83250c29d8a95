package dev.marquee.server.onsale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marquee.server.testing.ApiClient;
import dev.marquee.server.testing.ApiResponse;
import dev.marquee.server.testing.Invariants;
import dev.marquee.server.testing.Race;
import dev.marquee.server.testing.Shows.Tier;
import dev.marquee.server.testing.Shows;
import dev.marquee.server.testing.TestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A show's maxTicketsPerAccount: FAN accounts' active holds plus live tickets never pass it, even racing. */
class AccountLimitTest {

    private static final Map<String, Object> CARD = Map.of("method", "CARD", "cardNumber", "4242424242424242");

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
    void aHoldThatWouldPassTheLimitIsRefusedAndChangesNothing() {
        Shows.Show show = shows.ga(Tier.ga("GA", 1000, 100));
        shows.limit(show, 4);
        ApiClient fan = server.fan();
        assertEquals(201, hold(fan, show, 3).status());

        ApiResponse refused = hold(fan, show, 2);

        assertEquals(409, refused.status(), refused.toString());
        assertEquals("LIMIT_REACHED", refused.error());
        assertEquals(4, refused.body().at("/details/limit").asInt());
        assertEquals(3, refused.body().at("/details/alreadyHeld").asInt());
        assertEquals(3, server.number("SELECT held FROM tiers WHERE id = ?", show.tier(0)));
        assertEquals(1, server.number("SELECT count(*) FROM holds WHERE show_id = ?", show.id()));
        assertEquals(201, hold(fan, show, 1).status(), "exactly up to the limit is allowed");
        Invariants.check(server, show.id());
    }

    @Test
    void boughtTicketsCountAndReleasedHoldsGiveTheirShareBack() {
        Shows.Show show = shows.ga(Tier.ga("GA", 1000, 100));
        shows.limit(show, 4);
        ApiClient fan = server.fan();
        ApiResponse first = hold(fan, show, 2);
        assertEquals(201, fan.postOnce("/api/holds/" + first.body().get("id").asText() + "/checkout",
                Map.of("payment", CARD)).status());
        ApiResponse second = hold(fan, show, 2);
        assertEquals(201, second.status());

        ApiResponse refused = hold(fan, show, 1);
        assertEquals("LIMIT_REACHED", refused.error());
        assertEquals(4, refused.body().at("/details/alreadyHeld").asInt());

        assertEquals(204, fan.delete("/api/holds/" + second.body().get("id").asText()).status());
        assertEquals(201, hold(fan, show, 2).status(), "a released hold no longer counts");
        Invariants.check(server, show.id());
    }

    @Test
    void oneAccountRacingItselfNeverEndsAboveTheLimit() {
        Shows.Show show = shows.ga(Tier.ga("A", 1000, 500), Tier.ga("B", 2000, 500));
        shows.limit(show, 10);
        ApiClient fan = server.fan();

        List<ApiResponse> results = Race.run(40, i -> fan.postOnce("/api/holds", Map.of("showId", show.id(),
                "items", List.of(Map.of("tierId", show.tier(i % 2), "quantity", 1 + i % 3)))));

        long heldBySuccesses = 0;
        for (int i = 0; i < results.size(); i++) {
            ApiResponse result = results.get(i);
            assertTrue(result.status() == 201 || "LIMIT_REACHED".equals(result.error()), Race.statuses(results));
            heldBySuccesses += result.status() == 201 ? 1 + i % 3 : 0;
        }
        long held = server.number("SELECT sum(held) FROM tiers WHERE show_id = ?", show.id());
        assertEquals(heldBySuccesses, held);
        assertTrue(held <= 10, "held " + held + " past the limit of 10");
        assertTrue(held >= 8, "the limit refused holds that fitted: only " + held + " held");
        Invariants.check(server, show.id());
    }

    @Test
    void chosenSeatsCountTicketByTicket() {
        Shows.Show show = shows.seated(2, 10, Tier.rows("Stalls", 3000, 1, 2));
        shows.limit(show, 3);
        ApiClient fan = server.fan();
        List<Long> row = shows.row(show, 1);

        ApiResponse refused = fan.postOnce("/api/holds", Map.of("showId", show.id(), "seatIds", row.subList(0, 4)));

        assertEquals("LIMIT_REACHED", refused.error(), refused.toString());
        assertEquals(0, refused.body().at("/details/alreadyHeld").asInt());
        assertEquals(0, server.number("SELECT count(*) FROM show_seats WHERE show_id = ? AND status <> 'AVAILABLE'",
                show.id()));
        assertEquals(201, fan.postOnce("/api/holds", Map.of("showId", show.id(), "seatIds", row.subList(0, 3)))
                .status());
        Invariants.check(server, show.id());
    }

    @Test
    void staffAtTheCounterAndShowsWithoutALimitAreNotLimited() {
        Shows.Show limited = shows.ga(Tier.ga("GA", 1000, 100));
        shows.limit(limited, 2);
        ApiClient clerk = server.clerk();
        assertEquals(201, hold(clerk, limited, 10).status());
        assertEquals(201, hold(clerk, limited, 10).status());

        Shows.Show unlimited = shows.ga(Tier.ga("GA", 1000, 100));
        shows.limit(unlimited, null);
        ApiClient fan = server.fan();
        for (int i = 0; i < 3; i++) {
            assertEquals(201, hold(fan, unlimited, 10).status());
        }
        Invariants.check(server, limited.id());
        Invariants.check(server, unlimited.id());
    }

    @Test
    void everyShowStartsWithALimitOfTen() {
        Shows.Show show = shows.ga(Tier.ga("GA", 1000, 100));
        server.update("UPDATE shows SET max_tickets_per_account = DEFAULT WHERE id = ?", show.id());
        ApiClient fan = server.fan();
        assertEquals(201, hold(fan, show, 10).status());
        assertEquals("LIMIT_REACHED", hold(fan, show, 1).error());
        assertEquals(10, server.anonymous().get("/api/shows/" + show.id()).body().get("maxTicketsPerAccount").asInt());
    }

    private static ApiResponse hold(ApiClient who, Shows.Show show, int quantity) {
        return who.postOnce("/api/holds", Map.of("showId", show.id(),
                "items", List.of(Map.of("tierId", show.tier(0), "quantity", quantity))));
    }
}
