package dev.marquee.server.booking.vouchers;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.marquee.server.testing.ApiClient;
import dev.marquee.server.testing.ApiResponse;
import dev.marquee.server.testing.Invariants;
import dev.marquee.server.testing.LiveClient;
import dev.marquee.server.testing.Race;
import dev.marquee.server.testing.Shows;
import dev.marquee.server.testing.Shows.Tier;
import dev.marquee.server.testing.TestServer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Vouchers: prices, uses exact under races and given back, hidden tiers, refusals that change nothing. */
class VoucherTest {

    private static final Map<String, Object> CARD = Map.of("method", "CARD", "cardNumber", "4242424242424242");

    private static TestServer server;
    private static Shows shows;
    private static ApiClient admin;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        shows = new Shows(server);
        admin = server.admin();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aPercentVoucherDiscountsTheHoldAndItsOrderAndTheReportCountsIt() {
        Shows.Show show = shows.ga(Tier.ga("Floor", 2_500, 100));
        JsonNode voucher = voucher(show, Map.of("code", "Spring20", "kind", "PERCENT", "value", 20, "maxUses", 5));
        assertEquals(0, voucher.get("uses").asInt());
        assertEquals("Spring20", voucher.get("code").asText());
        ApiClient fan = server.fan();

        ApiResponse hold = hold(fan, show, 2, "SPRING20");

        assertEquals(201, hold.status(), hold::toString);
        assertEquals(2_000, hold.body().at("/items/0/unitPriceCents").asInt(), "20 % off 25.00");
        assertEquals(4_000, hold.body().get("totalCents").asLong());
        assertEquals("Spring20", hold.body().get("voucherCode").asText());
        assertEquals(2, uses(show, "Spring20"));
        ApiResponse order = fan.postOnce("/api/holds/" + hold.body().get("id").asText() + "/checkout",
                Map.of("payment", CARD));
        assertEquals(201, order.status(), order::toString);
        assertEquals("Spring20", order.body().get("voucherCode").asText());
        assertEquals(4_000, order.body().get("totalCents").asLong());
        order.body().get("tickets").forEach(ticket -> assertEquals(2_000, ticket.get("priceCents").asInt()));
        assertEquals(2, uses(show, "Spring20"), "a checkout keeps its uses");
        assertEquals("Spring20", fan.get("/api/orders/" + order.body().get("id").asText()).body()
                .get("voucherCode").asText(), "read back too");

        JsonNode report = admin.get("/api/admin/shows/" + show.id() + "/report").body();
        JsonNode sales = report.at("/vouchers/0");
        assertEquals("Spring20", sales.get("code").asText());
        assertEquals(2, sales.get("tickets").asLong());
        assertEquals(4_000, sales.get("revenueCents").asLong());
        assertEquals(1_000, sales.get("discountCents").asLong());
        Invariants.check(server, show.id());
    }

    @Test
    void anAmountVoucherNeverTakesAPriceBelowZeroAndTheCounterSellsWithIt() {
        Shows.Show show = shows.ga(Tier.ga("Floor", 1_500, 100));
        voucher(show, Map.of("code", "COMP", "kind", "AMOUNT", "value", 5_000, "maxUses", 3));

        ApiResponse sale = server.clerk().postOnce("/api/sales", Map.of("showId", show.id(),
                "items", List.of(Map.of("tierId", show.tier(0), "quantity", 2)), "payment", CARD,
                "voucherCode", "comp"));

        assertEquals(201, sale.status(), sale::toString);
        assertEquals(0, sale.body().get("totalCents").asLong());
        assertEquals("COMP", sale.body().get("voucherCode").asText());
        assertEquals(2, uses(show, "COMP"));
        ApiResponse usedUp = server.clerk().postOnce("/api/sales", Map.of("showId", show.id(),
                "items", List.of(Map.of("tierId", show.tier(0), "quantity", 2)), "payment", CARD,
                "voucherCode", "COMP"));
        assertRefused(usedUp, "USED_UP");
        assertEquals(2, server.number("SELECT sold FROM tiers WHERE id = ?", show.tier(0)), "nothing more sold");
        Invariants.check(server, show.id());
    }

    @Test
    void thirtyFansRacingForTenUsesGetExactlyTen() {
        Shows.Show show = shows.ga(Tier.ga("Floor", 1_000, 100));
        voucher(show, Map.of("code", "FIRST10", "kind", "PERCENT", "value", 50, "maxUses", 10));
        List<ApiClient> fans = java.util.stream.IntStream.range(0, 30).mapToObj(i -> server.fan()).toList();

        List<ApiResponse> results = Race.run(30, i -> hold(fans.get(i), show, 1, "FIRST10"));

        assertEquals(10, results.stream().filter(r -> r.status() == 201).count(), Race.statuses(results));
        results.stream().filter(r -> r.status() != 201).forEach(r -> assertRefused(r, "USED_UP"));
        assertEquals(10, uses(show, "FIRST10"));
        assertEquals(10, server.number("SELECT held FROM tiers WHERE id = ?", show.tier(0)));
        Invariants.check(server, show.id());
    }

    @Test
    void aHoldClaimsOneUsePerTicketOfAVoucherWithManyUsesLeft() {
        Shows.Show show = shows.ga(Tier.ga("Floor", 2_500, 100));
        voucher(show, Map.of("code", "PLENTY", "kind", "PERCENT", "value", 10, "maxUses", 5_000));
        // With the statistics of many free uses, the planner may join the free slots to the update row by row.
        server.update("ANALYZE voucher_uses");
        ApiClient fan = server.fan();

        assertEquals(201, hold(fan, show, 1, "PLENTY").status());
        assertEquals(1, uses(show, "PLENTY"), "one ticket, one use");
        assertEquals(201, hold(server.fan(), show, 3, "PLENTY").status());
        assertEquals(4, uses(show, "PLENTY"));
        assertEquals(4, server.number("SELECT count(*) FROM voucher_uses u JOIN vouchers v ON v.id = u.voucher_id"
                + " WHERE v.code = 'PLENTY' AND u.hold_id IS NOT NULL"));
    }

    @Test
    void aHoldThatEndsUnsoldGivesItsUsesBack() {
        Shows.Show show = shows.ga(Tier.ga("Floor", 1_000, 100));
        voucher(show, Map.of("code", "PAIR", "kind", "AMOUNT", "value", 100, "maxUses", 2));
        ApiClient first = server.fan();
        ApiClient second = server.fan();
        ApiResponse held = hold(first, show, 2, "PAIR");
        assertEquals(201, held.status(), held::toString);
        assertRefused(hold(second, show, 1, "PAIR"), "USED_UP");

        assertEquals(204, first.delete("/api/holds/" + held.body().get("id").asText()).status());
        assertEquals(0, uses(show, "PAIR"));
        ApiResponse again = hold(second, show, 2, "PAIR");
        assertEquals(201, again.status(), again::toString);

        server.update("UPDATE holds SET expires_at = now() - interval '1 second' WHERE id = ?::uuid",
                again.body().get("id").asText());
        await().atMost(Duration.ofSeconds(10)).until(() -> uses(show, "PAIR") == 0);
        Invariants.check(server, show.id());
    }

    @Test
    void aHiddenTierIsNotListedToFansAndIsHeldOnlyWithAnUnlockVoucher() {
        Shows.Show show = shows.ga(Tier.ga("Floor", 1_000, 100));
        ApiResponse tier = admin.post("/api/admin/shows/" + show.id() + "/tiers",
                Map.of("name", "Presale", "priceCents", 800, "capacity", 20, "hidden", true));
        assertEquals(201, tier.status(), tier::toString);
        assertTrue(tier.body().get("hidden").asBoolean());
        long hidden = tier.body().get("id").asLong();
        voucher(show, Map.of("code", "FLOOR5", "kind", "PERCENT", "value", 5, "maxUses", 50,
                "tierIds", List.of(show.tier(0))));
        voucher(show, Map.of("code", "EARLY", "kind", "UNLOCK", "maxUses", 50, "tierIds", List.of(hidden)));

        JsonNode listed = server.fan().get("/api/shows/" + show.id()).body().get("tiers");
        assertEquals(1, listed.size(), listed::toString);
        JsonNode staffSees = server.clerk().get("/api/shows/" + show.id()).body().get("tiers");
        assertEquals(2, staffSees.size());
        assertTrue(staffSees.get(1).get("hidden").asBoolean());
        assertEquals(1, server.anonymous().get("/api/shows/" + show.id() + "/availability").body().get("tiers")
                .size(), "nor in the availability a fan reads");
        assertTrue(server.clerk().get("/api/shows/" + show.id() + "/availability").body()
                .at("/tiers/1/hidden").asBoolean(), "the counter's availability has it, flagged");
        // Live too: a watcher who is not signed in as staff never hears of it; the counter's connection does.
        try (LiveClient fanWatching = LiveClient.connect(server); LiveClient counter = LiveClient.connect(server)) {
            counter.sendRaw("{\"type\":\"auth\",\"token\":\"" + server.clerk().token() + "\"}");
            counter.subscribe(show.id());
            fanWatching.subscribe(show.id());
            await().atMost(Duration.ofSeconds(10)).until(() -> fanWatching.latest(show.id()) != null
                    && counter.latest(show.id()) != null);
            assertEquals(1, fanWatching.latest(show.id()).get("tiers").size(), fanWatching.messages()::toString);
            assertEquals(2, counter.latest(show.id()).get("tiers").size(), counter.messages()::toString);
            assertTrue(counter.latest(show.id()).at("/tiers/1/hidden").asBoolean());
        }

        ApiClient fan = server.fan();
        assertRefused(holdTier(fan, show, hidden, null), "NOT_FOR_TIER");
        assertRefused(holdTier(fan, show, hidden, "FLOOR5"), "NOT_FOR_TIER");
        ApiResponse unlocked = holdTier(fan, show, hidden, "early");
        assertEquals(201, unlocked.status(), unlocked::toString);
        assertEquals(800, unlocked.body().at("/items/0/unitPriceCents").asInt(), "an unlock changes no price");
        assertEquals(201, server.clerk().postOnce("/api/sales", Map.of("showId", show.id(),
                "items", List.of(Map.of("tierId", hidden, "quantity", 1)), "payment", CARD)).status(),
                "the counter sells hidden tiers without a code");
        Invariants.check(server, show.id());
    }

    @Test
    void unknownExpiredDisabledAndWrongTierCodesAreRefusedAndChangeNothing() {
        Shows.Show show = shows.ga(Tier.ga("Floor", 1_000, 100), Tier.ga("Balcony", 500, 100));
        Shows.Show other = shows.ga(Tier.ga("Floor", 1_000, 100));
        voucher(other, Map.of("code", "ELSEWHERE", "kind", "PERCENT", "value", 10, "maxUses", 5));
        voucher(show, Map.of("code", "PAST", "kind", "PERCENT", "value", 10, "maxUses", 5,
                "validFrom", "2001-01-01T00:00:00Z", "validUntil", "2002-01-01T00:00:00Z"));
        voucher(show, Map.of("code", "LATER", "kind", "PERCENT", "value", 10, "maxUses", 5,
                "validFrom", "2099-01-01T00:00:00Z"));
        voucher(show, Map.of("code", "BALCONY", "kind", "PERCENT", "value", 10, "maxUses", 5,
                "tierIds", List.of(show.tier(1))));
        long off = voucher(show, Map.of("code", "OFF", "kind", "PERCENT", "value", 10, "maxUses", 5))
                .get("id").asLong();
        ApiResponse disabled = admin.patch("/api/admin/shows/" + show.id() + "/vouchers/" + off,
                Map.of("disabled", true));
        assertEquals(200, disabled.status(), disabled::toString);
        assertTrue(disabled.body().get("disabled").asBoolean());
        ApiClient fan = server.fan();
        JsonNode before = server.anonymous().get("/api/shows/" + show.id() + "/availability").body();

        assertRefused(hold(fan, show, 1, "NOPE"), "UNKNOWN");
        assertRefused(hold(fan, show, 1, "ELSEWHERE"), "UNKNOWN");
        assertRefused(hold(fan, show, 1, "PAST"), "EXPIRED");
        assertRefused(hold(fan, show, 1, "LATER"), "EXPIRED");
        assertRefused(hold(fan, show, 1, "OFF"), "EXPIRED");
        assertRefused(hold(fan, show, 1, "BALCONY"), "NOT_FOR_TIER");
        assertEquals(400, hold(fan, show, 1, "x".repeat(41)).status(), "a code longer than any is malformed");

        JsonNode after = server.anonymous().get("/api/shows/" + show.id() + "/availability").body();
        assertEquals(before.get("tiers"), after.get("tiers"), "nothing changed");
        assertEquals(0, server.number("SELECT count(*) FROM holds WHERE show_id = ?", show.id()));
        assertEquals(0, server.number("""
                SELECT count(*) FROM voucher_uses u JOIN vouchers v ON v.id = u.voucher_id
                WHERE v.show_id = ? AND (u.hold_id IS NOT NULL OR u.order_id IS NOT NULL)""", show.id()));
    }

    @Test
    void theAdminsRequestsAreCheckedAndOnlyAdminsMakeVouchers() {
        Shows.Show show = shows.ga(Tier.ga("Floor", 1_000, 100));
        Shows.Show other = shows.ga(Tier.ga("Floor", 1_000, 100));
        String path = "/api/admin/shows/" + show.id() + "/vouchers";
        voucher(show, Map.of("code", "ONCE", "kind", "PERCENT", "value", 10, "maxUses", 5));

        assertInvalid(admin.post(path, Map.of("code", "once", "kind", "PERCENT", "value", 10, "maxUses", 5)), "code");
        assertInvalid(admin.post(path, Map.of("code", "BAD CODE", "kind", "PERCENT", "value", 10, "maxUses", 5)),
                "code");
        assertInvalid(admin.post(path, Map.of("code", "A", "kind", "PERCENT", "value", 0, "maxUses", 5)), "value");
        assertInvalid(admin.post(path, Map.of("code", "B", "kind", "PERCENT", "value", 101, "maxUses", 5)), "value");
        assertInvalid(admin.post(path, Map.of("code", "C", "kind", "UNLOCK", "value", 5, "maxUses", 5)), "value");
        assertInvalid(admin.post(path, Map.of("code", "D", "kind", "PERCENT", "value", 5, "maxUses", 0)), "maxUses");
        assertInvalid(admin.post(path, Map.of("code", "E", "kind", "PERCENT", "value", 5, "maxUses", 5,
                "tierIds", List.of(other.tier(0)))), "tierIds");
        assertInvalid(admin.post(path, Map.of("code", "F", "kind", "PERCENT", "value", 5, "maxUses", 5,
                "validFrom", "2030-01-02T00:00:00Z", "validUntil", "2030-01-01T00:00:00Z")), "validUntil");
        assertEquals(400, admin.post(path, Map.of("code", "G", "kind", "HALF", "maxUses", 5)).status());
        assertEquals(403, server.clerk().post(path, Map.of("code", "H", "kind", "PERCENT", "value", 5,
                "maxUses", 5)).status());
        assertEquals(403, server.fan().get(path).status());
        assertEquals(401, server.anonymous().get(path).status());
        assertEquals(404, admin.get("/api/admin/shows/999999999/vouchers").status());
        assertEquals(404, admin.patch(path + "/999999999", Map.of("disabled", true)).status());
        assertEquals(1, admin.get(path).body().size(), "only the first voucher was made");
    }

    private static JsonNode voucher(Shows.Show show, Map<String, Object> body) {
        ApiResponse created = admin.post("/api/admin/shows/" + show.id() + "/vouchers", body);
        assertEquals(201, created.status(), created::toString);
        return created.body();
    }

    private static int uses(Shows.Show show, String code) {
        for (JsonNode voucher : admin.get("/api/admin/shows/" + show.id() + "/vouchers").body()) {
            if (voucher.get("code").asText().equals(code)) {
                return voucher.get("uses").asInt();
            }
        }
        throw new AssertionError("no voucher " + code);
    }

    private static ApiResponse hold(ApiClient fan, Shows.Show show, int quantity, String code) {
        return holdTier(fan, show, show.tier(0), code, quantity);
    }

    private static ApiResponse holdTier(ApiClient fan, Shows.Show show, long tierId, String code) {
        return holdTier(fan, show, tierId, code, 1);
    }

    private static ApiResponse holdTier(ApiClient fan, Shows.Show show, long tierId, String code, int quantity) {
        Map<String, Object> body = new HashMap<>();
        body.put("showId", show.id());
        body.put("items", List.of(Map.of("tierId", tierId, "quantity", quantity)));
        if (code != null) {
            body.put("voucherCode", code);
        }
        return fan.postOnce("/api/holds", body);
    }

    private static void assertRefused(ApiResponse response, String reason) {
        assertEquals(409, response.status(), response::toString);
        assertEquals("VOUCHER_INVALID", response.error(), response::toString);
        assertEquals(reason, response.body().at("/details/reason").asText(), response::toString);
        assertFalse(response.body().get("message").asText().isBlank());
    }

    private static void assertInvalid(ApiResponse response, String field) {
        assertEquals(400, response.status(), response::toString);
        assertEquals(field, response.body().at("/details/field").asText(), response::toString);
    }
}
