package dev.marquee.server.booking.waitlist;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.marquee.server.testing.ApiClient;
import dev.marquee.server.testing.ApiResponse;
import dev.marquee.server.testing.Invariants;
import dev.marquee.server.testing.LiveClient;
import dev.marquee.server.testing.Race;
import dev.marquee.server.testing.Shows.Tier;
import dev.marquee.server.testing.Shows;
import dev.marquee.server.testing.TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The waiting list: returned tickets offered in order, before anyone else, once each; offers that lapse move on. */
class WaitlistTest {

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
    void aReturnedTicketIsOfferedToTheFirstInLineWhoChecksItOut() {
        Shows.Show show = shows.ga(Tier.ga("Floor", 1_000, 2));
        JsonNode order = sell(show, 2);
        ApiClient first = server.fan();
        ApiClient second = server.fan();

        ApiResponse joined = join(first, show, 1);
        assertEquals(201, joined.status(), joined::toString);
        assertEquals("WAITING", joined.body().get("state").asText());
        assertEquals(1, joined.body().get("position").asInt());
        ApiResponse again = join(first, show, 1);
        assertEquals(200, again.status(), "one entry per account and show");
        assertEquals(joined.body().get("id"), again.body().get("id"));
        assertEquals(2, join(second, show, 1).body().get("position").asInt());

        refund(order, 0);

        JsonNode entry = mine(first).get(0);
        assertEquals("OFFERED", entry.get("state").asText(), entry::toString);
        String holdId = entry.at("/offer/holdId").asText();
        assertTrue(entry.at("/offer/expiresAt").isTextual());
        assertEquals(1, server.number("SELECT held FROM tiers WHERE id = ?", show.tier(0)), "held for the offer");
        ApiResponse someoneElse = server.fan().postOnce("/api/holds", Map.of("showId", show.id(),
                "items", List.of(Map.of("tierId", show.tier(0), "quantity", 1))));
        assertEquals(409, someoneElse.status(), "nobody else can buy an offered ticket: " + someoneElse);
        assertEquals("WAITING", mine(second).get(0).get("state").asText());
        assertEquals(1, mine(second).get(0).get("position").asInt(), "first in line now");

        ApiResponse bought = first.postOnce("/api/holds/" + holdId + "/checkout", Map.of("payment", CARD));
        assertEquals(201, bought.status(), bought::toString);
        assertEquals("FULFILLED", mine(first).get(0).get("state").asText());
        assertEquals(1, server.number("""
                SELECT count(*) FROM audit_log WHERE action = 'WAITLIST_OFFERED' AND show_id = ?""", show.id()));
        Invariants.check(server, show.id());
    }

    @Test
    void aSignedInLiveClientHearsItsOwnOfferAndOthersDoNot() {
        Shows.Show show = shows.ga(Tier.ga("Floor", 1_000, 1));
        JsonNode order = sell(show, 1);
        ApiClient fan = server.fan();
        ApiClient bystander = server.fan();
        String entryId = join(fan, show, 1).body().get("id").asText();
        try (LiveClient mine = LiveClient.connect(server); LiveClient theirs = LiveClient.connect(server);
             LiveClient stranger = LiveClient.connect(server)) {
            signIn(mine, fan.token());
            signIn(theirs, bystander.token());
            stranger.sendRaw("{\"type\":\"auth\",\"token\":\"not-a-session\"}");
            await().atMost(Duration.ofSeconds(5)).until(() -> stranger.messages().stream()
                    .anyMatch(m -> "UNAUTHORIZED".equals(m.path("error").asText())));

            refund(order, 0);

            await().atMost(Duration.ofSeconds(5)).until(() -> mine.messages().stream()
                    .anyMatch(m -> "offer".equals(m.path("type").asText())));
            JsonNode offer = mine.messages().stream().filter(m -> "offer".equals(m.path("type").asText()))
                    .findFirst().orElseThrow();
            assertEquals(entryId, offer.get("entryId").asText());
            assertEquals(show.id(), offer.get("showId").asLong());
            assertEquals(mine(fan).get(0).at("/offer/holdId").asText(), offer.get("holdId").asText());
            assertTrue(offer.get("expiresAt").isTextual());
            // One announcement reaches every connection of this instance at once: the other account's has had it.
            assertTrue(theirs.messages().stream().noneMatch(m -> "offer".equals(m.path("type").asText())),
                    "another account hears nothing");
        }
    }

    @Test
    void anOfferThatLapsesMovesOnAndALargerWishWaitsForEnough() {
        Shows.Show show = shows.ga(Tier.ga("Floor", 1_000, 3));
        JsonNode order = sell(show, 3);
        ApiClient one = server.fan();
        ApiClient two = server.fan();
        join(one, show, 1);
        join(two, show, 2);

        refund(order, 0);
        String offered = mine(one).get(0).at("/offer/holdId").asText();
        server.update("UPDATE holds SET expires_at = now() - interval '1 second' WHERE id = ?::uuid", offered);
        awaitState(one, "EXPIRED");
        assertEquals("WAITING", mine(two).get(0).get("state").asText(), "one ticket is not the two it waits for");
        assertEquals(1, server.number("SELECT capacity - held - sold FROM tiers WHERE id = ?", show.tier(0)));

        refund(order, 1);
        JsonNode entry = mine(two).get(0);
        assertEquals("OFFERED", entry.get("state").asText(), entry::toString);
        assertEquals(2, server.number("SELECT held FROM tiers WHERE id = ?", show.tier(0)));
        Invariants.check(server, show.id());
    }

    @Test
    void twoRefundsFeedingOneListOfferEachTicketOnce() {
        Shows.Show show = shows.ga(Tier.ga("Floor", 1_000, 2));
        JsonNode a = sell(show, 1);
        JsonNode b = sell(show, 1);
        List<ApiClient> waiting = List.of(server.fan(), server.fan(), server.fan());
        waiting.forEach(fan -> join(fan, show, 1));

        List<ApiResponse> refunds = Race.run(2, i -> server.clerk().postOnce(
                "/api/orders/" + (i == 0 ? a : b).get("id").asText() + "/refund", Map.of()));

        refunds.forEach(r -> assertEquals(200, r.status(), r::toString));
        List<String> holds = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            JsonNode entry = mine(waiting.get(i)).get(0);
            assertEquals("OFFERED", entry.get("state").asText(), "the first two in line: " + entry);
            holds.add(entry.at("/offer/holdId").asText());
        }
        assertNotEquals(holds.get(0), holds.get(1));
        assertEquals("WAITING", mine(waiting.get(2)).get(0).get("state").asText());
        assertEquals(2, server.number("SELECT held FROM tiers WHERE id = ?", show.tier(0)));
        Invariants.check(server, show.id());
    }

    @Test
    void anOfferRacingBuyersForTheReturnedTicketWins() {
        Shows.Show show = shows.ga(Tier.ga("Floor", 1_000, 1));
        JsonNode order = sell(show, 1);
        ApiClient waiting = server.fan();
        join(waiting, show, 1);
        List<ApiClient> buyers = List.of(server.fan(), server.fan(), server.fan(), server.fan());

        List<ApiResponse> results = Race.run(5, i -> i == 0
                ? server.clerk().postOnce("/api/orders/" + order.get("id").asText() + "/refund", Map.of())
                : buyers.get(i - 1).postOnce("/api/holds", Map.of("showId", show.id(),
                        "items", List.of(Map.of("tierId", show.tier(0), "quantity", 1)))));

        assertEquals(200, results.get(0).status(), results.get(0)::toString);
        results.subList(1, 5).forEach(r -> assertEquals(409, r.status(), "a buyer: " + r));
        assertEquals("OFFERED", mine(waiting).get(0).get("state").asText());
        Invariants.check(server, show.id());
    }

    @Test
    void leavingReleasesTheOfferToTheNextAndCapacityAndUnblockedSeatsAreOffered() {
        Shows.Show show = shows.ga(Tier.ga("Floor", 1_000, 1));
        sell(show, 1);
        ApiClient one = server.fan();
        ApiClient two = server.fan();
        join(one, show, 1);
        join(two, show, 1);

        assertEquals(200, server.admin().patch("/api/admin/tiers/" + show.tier(0), Map.of("capacity", 2)).status());
        JsonNode offered = mine(one).get(0);
        assertEquals("OFFERED", offered.get("state").asText(), "a raised capacity is offered");
        assertEquals(404, two.delete("/api/waitlist/" + offered.get("id").asText()).status(), "not theirs");
        assertEquals(204, one.delete("/api/waitlist/" + offered.get("id").asText()).status());
        assertEquals("LEFT", mine(one).get(0).get("state").asText());
        assertEquals("OFFERED", mine(two).get(0).get("state").asText(), "the released offer went on");
        Invariants.check(server, show.id());

        Shows.Show seated = shows.seated(1, 2, Tier.rows("Stalls", 2_000, 1, 1));
        List<Long> row = shows.row(seated, 1);
        ApiResponse blocked = server.admin().post("/api/admin/shows/" + seated.id() + "/seats/block",
                Map.of("seatIds", List.of(row.get(1)), "reason", "broken"));
        assertEquals(200, blocked.status(), blocked::toString);
        ApiResponse sold = server.clerk().postOnce("/api/sales", Map.of("showId", seated.id(),
                "seatIds", List.of(row.get(0)), "payment", CARD));
        assertEquals(201, sold.status(), sold::toString);
        ApiClient fan = server.fan();
        assertEquals(201, join(fan, seated, 1).status());
        ApiResponse unblocked = server.admin().post("/api/admin/shows/" + seated.id() + "/seats/unblock",
                Map.of("seatIds", List.of(row.get(1))));
        assertEquals(200, unblocked.status(), unblocked::toString);
        assertEquals("OFFERED", mine(fan).get(0).get("state").asText(), "an unblocked seat is offered");
        Invariants.check(server, seated.id());
    }

    @Test
    void theListIsNoWayRoundTheSaleAHiddenTierOrTheLimit() {
        Shows.Show show = shows.ga(Tier.ga("Floor", 1_000, 10));
        ApiClient fan = server.fan();

        ApiResponse onSale = join(fan, show, 2);
        assertEquals(400, onSale.status(), "tickets on sale are held the usual way: " + onSale);
        assertEquals("VALIDATION_FAILED", onSale.error());
        ApiResponse presale = server.admin().post("/api/admin/shows/" + show.id() + "/tiers",
                Map.of("name", "Presale", "priceCents", 800, "capacity", 1, "hidden", true));
        assertEquals(201, presale.status(), presale::toString);
        assertEquals(404, join(fan, show, presale.body().get("id").asLong(), 1).status(),
                "a hidden tier is not listed to fans");

        assertEquals(200, server.admin().patch("/api/admin/shows/" + show.id(), Map.of("maxTicketsPerAccount", 3))
                .status());
        ApiClient holder = server.fan();
        ApiResponse held = holder.postOnce("/api/holds", Map.of("showId", show.id(),
                "items", List.of(Map.of("tierId", show.tier(0), "quantity", 2))));
        assertEquals(201, held.status(), held::toString);
        sell(show, 8);
        ApiResponse overLimit = join(holder, show, 2);
        assertEquals(409, overLimit.status(), "2 held and 2 more would pass 3: " + overLimit);
        assertEquals("LIMIT_REACHED", overLimit.error());
        assertEquals(0, mine(fan).size() + mine(holder).size(), "nothing joined");
        assertEquals(201, join(holder, show, 1).status(), "2 held and 1 more is within 3");
    }

    @Test
    void anOfferPassesOverAnAccountAtItsLimitToTheNextInLine() {
        Shows.Show show = shows.ga(Tier.ga("Floor", 1_000, 3));
        ApiClient first = server.fan();
        ApiResponse held = first.postOnce("/api/holds", Map.of("showId", show.id(),
                "items", List.of(Map.of("tierId", show.tier(0), "quantity", 1))));
        assertEquals(201, held.status(), held::toString);
        JsonNode order = sell(show, 2);
        assertEquals(201, join(first, show, 1).status());
        ApiClient second = server.fan();
        assertEquals(201, join(second, show, 1).status());
        // The limit comes down to 1 while they wait: the first fan, holding 1 already, may not have another.
        assertEquals(200, server.admin().patch("/api/admin/shows/" + show.id(), Map.of("maxTicketsPerAccount", 1))
                .status());

        refund(order, 0);

        assertEquals("OFFERED", mine(second).get(0).get("state").asText(), "the next in line is served");
        JsonNode passedOver = mine(first).get(0);
        assertEquals("WAITING", passedOver.get("state").asText(), passedOver::toString);
        assertEquals(1, passedOver.get("position").asInt(), "and keeps its place");
        Invariants.check(server, show.id());
    }

    @Test
    void badRequestsAreAnsweredInTheContractsShape() {
        Shows.Show show = shows.ga(Tier.ga("Floor", 1_000, 1));
        Shows.Show other = shows.ga(Tier.ga("Floor", 1_000, 1));
        ApiClient fan = server.fan();

        assertEquals(401, server.anonymous().post("/api/shows/" + show.id() + "/waitlist",
                Map.of("tierId", show.tier(0), "quantity", 1)).status());
        assertEquals(404, fan.post("/api/shows/999999999/waitlist", Map.of("tierId", show.tier(0), "quantity", 1))
                .status());
        assertEquals(404, join(fan, show, other.tier(0), 1).status(), "a tier of another show");
        assertEquals(400, join(fan, show, show.tier(0), 0).status());
        assertEquals(400, join(fan, show, show.tier(0), 11).status());
        assertEquals(400, fan.post("/api/shows/" + show.id() + "/waitlist", Map.of("quantity", 1)).status());
        assertEquals(404, fan.delete("/api/waitlist/" + UUID.randomUUID()).status());
        assertEquals(404, fan.delete("/api/waitlist/not-an-id").status());
        assertEquals(0, mine(fan).size(), "nothing joined");
    }

    private static JsonNode sell(Shows.Show show, int quantity) {
        return sell(show, show.tier(0), quantity);
    }

    private static JsonNode sell(Shows.Show show, long tierId, int quantity) {
        ApiResponse sale = server.clerk().postOnce("/api/sales", Map.of("showId", show.id(),
                "items", List.of(Map.of("tierId", tierId, "quantity", quantity)), "payment", CARD));
        assertEquals(201, sale.status(), sale::toString);
        return sale.body();
    }

    private static void refund(JsonNode order, int ticket) {
        ApiResponse refunded = server.clerk().postOnce("/api/orders/" + order.get("id").asText() + "/refund",
                Map.of("ticketIds", List.of(order.at("/tickets/" + ticket + "/id").asText())));
        assertEquals(200, refunded.status(), refunded::toString);
    }

    private static ApiResponse join(ApiClient fan, Shows.Show show, int quantity) {
        return join(fan, show, show.tier(0), quantity);
    }

    private static ApiResponse join(ApiClient fan, Shows.Show show, long tierId, int quantity) {
        return fan.post("/api/shows/" + show.id() + "/waitlist", Map.of("tierId", tierId, "quantity", quantity));
    }

    private static JsonNode mine(ApiClient fan) {
        ApiResponse entries = fan.get("/api/me/waitlist");
        assertEquals(200, entries.status(), entries::toString);
        return entries.body();
    }

    private static void awaitState(ApiClient fan, String state) {
        await().atMost(Duration.ofSeconds(10)).until(() -> mine(fan).get(0).get("state").asText().equals(state));
    }

    /**
     * Signs the live connection in, and waits until the server has taken it: a malformed message sent after the
     * {@code auth} is answered after it, on the same connection.
     */
    private static void signIn(LiveClient live, String token) {
        live.sendRaw("{\"type\":\"auth\",\"token\":\"" + token + "\"}");
        live.sendRaw("{\"type\":\"subscribe\",\"showIds\":[]}");
        await().atMost(Duration.ofSeconds(5)).until(() -> live.messages().stream()
                .anyMatch(m -> "VALIDATION_FAILED".equals(m.path("error").asText())));
    }
}
