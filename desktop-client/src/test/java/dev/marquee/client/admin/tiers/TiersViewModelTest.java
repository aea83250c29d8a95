package dev.marquee.client.admin.tiers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.marquee.client.admin.shows.ShowRow;
import dev.marquee.client.common.Availabilities;
import dev.marquee.client.common.FakeServer;
import dev.marquee.client.common.Tasks;
import dev.marquee.client.common.api.ServerApi;
import dev.marquee.model.Json;
import dev.marquee.model.catalog.SeatingMode;
import java.net.http.HttpClient;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TiersViewModelTest {

    static final ShowRow AURORA = new ShowRow(5, 1, "Aurora Skies", "Sat 18 Jul 2026, 20:00", "Harbour Hall",
            SeatingMode.GA, true);
    static final String AVAILABILITY = "/api/shows/5/availability";

    private final HttpClient http = ServerApi.newHttpClient();
    private final FakeServer server = FakeServer.start();
    private final AtomicInteger catalogChanges = new AtomicInteger();
    private final TiersViewModel tiers = new TiersViewModel(new ServerApi(http, server.uri()).withToken("tok-1"),
            Tasks.sameThread(), catalogChanges::incrementAndGet);

    @AfterEach
    void stop() {
        server.close();
        http.close();
    }

    /** Show 5: VIP $100.00 with 20 sold and the given number held of 50, Front Row $50.00 untouched. */
    static String aurora(long version, int vipHeld) {
        return """
                {"showId":5,"version":%d,"tiers":[
                  {"tierId":7,"name":"VIP","priceCents":10000,"capacity":50,"available":%d,"held":%d,"sold":20},
                  {"tierId":8,"name":"Front Row","priceCents":5000,"capacity":200,"available":200,"held":0,"sold":0}]}"""
                .formatted(version, 30 - vipHeld, vipHeld);
    }

    static void assertJson(String expected, String actual) throws JsonProcessingException {
        assertEquals(Json.newMapper().readTree(expected), Json.newMapper().readTree(actual));
    }

    private TierLine pickAuroraAndSelectVip() {
        server.answer("GET", AVAILABILITY, 200, aurora(1, 10));
        tiers.showPicked(AURORA);
        TierLine vip = tiers.tiers().getFirst();
        tiers.select(vip);
        return vip;
    }

    @Test
    void withNoShowPickedTheTabAsksForOneAndNothingCanBeSaved() {
        tiers.showPicked(null);

        assertEquals("Pick a show on the left.", tiers.hintProperty().get());
        assertFalse(tiers.canSaveProperty().get());
        assertTrue(tiers.tiers().isEmpty());
        tiers.toggleSale();
        assertTrue(server.requests().isEmpty(), "nothing is sent without a show");
    }

    @Test
    void pickingAShowLoadsItsTiersWithTheirFigures() {
        TierLine vip = pickAuroraAndSelectVip();

        assertEquals(List.of("VIP", "Front Row"), tiers.tiers().stream().map(l -> l.nameProperty().get()).toList());
        assertEquals(List.of(10000, 50, 20, 10, 20), List.of(vip.priceCentsProperty().get(),
                vip.capacityProperty().get(), vip.availableProperty().get(), vip.heldProperty().get(),
                vip.soldProperty().get()));
        assertTrue(tiers.capacityEditableProperty().get());
        assertEquals("", tiers.hintProperty().get());
    }

    @Test
    void aNewCapacityIsWordedBeforeSavingAndOnlyTheCapacityIsSent() throws Exception {
        TierLine vip = pickAuroraAndSelectVip();
        server.answer("PATCH", "/api/admin/tiers/7", 200, """
                {"id":7,"showId":5,"name":"VIP","priceCents":10000,"capacity":40,"available":10,"held":10,"sold":20,
                 "seatingMode":"GA"}""");

        tiers.capacityProperty().set("40");
        assertEquals("Capacity 50 → 40: 20 sold and 10 held stay, 10 left to sell (was 20).",
                tiers.impactProperty().get());
        assertTrue(tiers.canSaveProperty().get());
        tiers.save();

        assertJson("{\"capacity\":40}", server.requests("PATCH", "/api/admin/tiers/7").getFirst().body());
        assertEquals(40, vip.capacityProperty().get());
        assertEquals(10, vip.availableProperty().get());
        assertEquals("", tiers.capacityProperty().get(), "the typed value is done with");
        assertEquals("Saved VIP: capacity 40.", tiers.messageProperty().get());
    }

    @Test
    void aCapacityBelowSoldPlusHeldIsRefusedBeforeAnythingIsSent() {
        pickAuroraAndSelectVip();

        tiers.capacityProperty().set("25");
        tiers.save();

        assertEquals("At least 30 are needed: 20 sold + 10 held.", tiers.capacityProblemProperty().get());
        assertEquals("At least 30 are needed: 20 sold + 10 held.", tiers.impactProperty().get());
        assertFalse(tiers.canSaveProperty().get());
        assertTrue(server.requests("PATCH", "/api/admin/tiers/7").isEmpty());
    }

    @Test
    void aPushThatHoldsMoreMakesTheTypedCapacityTooLowAndAnOlderPushIsIgnored() {
        pickAuroraAndSelectVip();
        tiers.capacityProperty().set("35");
        assertTrue(tiers.canSaveProperty().get());

        tiers.applyAvailability(Availabilities.read(aurora(3, 20)));
        assertEquals("At least 40 are needed: 20 sold + 20 held.", tiers.capacityProblemProperty().get());
        assertFalse(tiers.canSaveProperty().get());

        tiers.applyAvailability(Availabilities.read(aurora(2, 10)));
        assertEquals(20, tiers.selectedProperty().get().heldProperty().get(), "version 2 is older than 3");
        assertEquals("35", tiers.capacityProperty().get(), "a push keeps what was typed");
    }

    @Test
    void aNewPriceSaysTheTicketsAlreadySoldKeepTheirsAndOnlyThePriceIsSent() throws Exception {
        pickAuroraAndSelectVip();
        server.answer("PATCH", "/api/admin/tiers/7", 200, """
                {"id":7,"showId":5,"name":"VIP","priceCents":5500,"capacity":50,"available":20,"held":10,"sold":20,
                 "seatingMode":"GA"}""");

        tiers.priceProperty().set("55.00");
        assertEquals("New sales at $55.00 (was $100.00); the 20 tickets already sold and the 10 on hold keep"
                + " their price.", tiers.impactProperty().get());
        tiers.save();

        assertJson("{\"priceCents\":5500}", server.requests("PATCH", "/api/admin/tiers/7").getFirst().body());
        assertEquals(5500, tiers.tiers().getFirst().priceCentsProperty().get());
        assertEquals("Saved VIP: new sales at $55.00.", tiers.messageProperty().get());
    }

    @Test
    void typingThatIsNotAPriceOrACapacityIsAProblemAndTheCurrentValueIsNoChange() {
        pickAuroraAndSelectVip();

        tiers.priceProperty().set("55,5.0x");
        tiers.capacityProperty().set("forty");
        assertEquals("Type the price in dollars, for example 55.00.", tiers.priceProblemProperty().get());
        assertEquals("Type the capacity as a whole number of tickets, for example 150.",
                tiers.capacityProblemProperty().get());
        assertFalse(tiers.canSaveProperty().get());

        tiers.priceProperty().set("$100");
        tiers.capacityProperty().set("50");
        assertEquals("", tiers.impactProperty().get());
        assertFalse(tiers.canSaveProperty().get(), "the same price and capacity change nothing");
    }

    @Test
    void whenTheServerStillRefusesTheCapacityItsFiguresAreGivenAndTheTypedValueStays() {
        pickAuroraAndSelectVip();
        server.answer("PATCH", "/api/admin/tiers/7", 409, """
                {"error":"CAPACITY_BELOW_COMMITTED","message":"Tier 7 has 25 sold and 12 held.",
                 "details":{"tierId":7,"requested":35,"sold":25,"held":12}}""");
        tiers.capacityProperty().set("35");
        server.answer("GET", AVAILABILITY, 200, aurora(4, 12)
                .replace("\"available\":18,\"held\":12,\"sold\":20", "\"available\":13,\"held\":12,\"sold\":25"));

        tiers.save();

        assertEquals("Capacity 35 was refused: tickets were bought or held meanwhile, and VIP now has 25 sold and"
                + " 12 held, so it needs at least 37. Nothing was saved.", tiers.errorMessageProperty().get());
        assertEquals("35", tiers.capacityProperty().get());
        assertEquals(2, server.requests("GET", AVAILABILITY).size(), "fresh figures are fetched");
        assertEquals("At least 37 are needed: 25 sold + 12 held.", tiers.capacityProblemProperty().get());
        assertFalse(tiers.busyProperty().get());
    }

    @Test
    void aRefusalWithoutFiguresUsesTheLatestCounts() {
        pickAuroraAndSelectVip();
        server.answer("PATCH", "/api/admin/tiers/7", 409,
                "{\"error\":\"CAPACITY_BELOW_COMMITTED\",\"message\":\"Too few.\"}");
        tiers.capacityProperty().set("31");

        tiers.save();

        assertTrue(tiers.errorMessageProperty().get().contains("VIP now has 20 sold and 10 held, so it needs at"
                + " least 30."), tiers.errorMessageProperty().get());
    }

    @Test
    void takingTheShowOffSaleTellsTheShowList() throws Exception {
        pickAuroraAndSelectVip();
        server.answer("PATCH", "/api/admin/shows/5", 200, """
                {"id":5,"eventId":1,"eventTitle":"Aurora Skies","startsAt":"2026-07-18T19:00:00Z",
                 "venue":{"id":1,"name":"Harbour Hall","capacity":1500},"seatingMode":"GA","onSale":false,
                 "tiers":[]}""");

        tiers.toggleSale();

        assertJson("{\"onSale\":false}", server.requests("PATCH", "/api/admin/shows/5").getFirst().body());
        assertFalse(tiers.onSaleProperty().get());
        assertEquals(1, catalogChanges.get());
        assertEquals("Off sale: nobody can buy tickets until it is put back on sale.", tiers.messageProperty().get());
    }

    @Test
    void aFailedSaleSwitchSaysWhyAndLeavesTheShowListAlone() {
        pickAuroraAndSelectVip();
        server.answer("PATCH", "/api/admin/shows/5", 503,
                "{\"error\":\"SERVICE_UNAVAILABLE\",\"message\":\"The database is not answering; try again soon.\"}");

        tiers.toggleSale();

        assertEquals("The database is not answering; try again soon.", tiers.errorMessageProperty().get());
        assertTrue(tiers.onSaleProperty().get());
        assertEquals(0, catalogChanges.get());
        assertFalse(tiers.busyProperty().get());
    }

    @Test
    void theSameShowHandedOverAgainKeepsTheSelectionAndTheTyping() {
        TierLine vip = pickAuroraAndSelectVip();
        tiers.priceProperty().set("80");

        tiers.showPicked(new ShowRow(5, 1, "Aurora Skies", "Sat 18 Jul 2026, 20:00", "Harbour Hall", SeatingMode.GA,
                false));

        assertEquals(vip, tiers.selectedProperty().get());
        assertEquals("80", tiers.priceProperty().get());
        assertFalse(tiers.onSaleProperty().get());
        assertEquals(1, server.requests("GET", AVAILABILITY).size());
    }

    @Test
    void aSeatedTiersCapacityCannotBeTypedOnlyItsPrice() {
        NewTierFormTest.answerSeatedShow(server, List.of());
        tiers.showPicked(NewTierFormTest.VIVALDI);
        tiers.select(tiers.tiers().getFirst());

        tiers.capacityProperty().set("10");

        assertFalse(tiers.capacityEditableProperty().get());
        assertEquals("A seated tier's capacity is its seats: block or unblock seats to change it.",
                tiers.capacityNoteProperty().get());
        assertFalse(tiers.canSaveProperty().get(), "a typed capacity is not a change for a seated tier");
    }

    @Test
    void aShowThatCannotBeLoadedSaysWhy() {
        server.answer("GET", AVAILABILITY, 404, "{\"error\":\"NOT_FOUND\",\"message\":\"There is no show 5.\"}");

        tiers.showPicked(AURORA);

        assertEquals("There is no show 5.", tiers.errorMessageProperty().get());
        assertTrue(tiers.tiers().isEmpty());
    }
}
