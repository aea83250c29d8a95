package dev.marquee.client.admin.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marquee.client.admin.shows.ShowRow;
import dev.marquee.client.common.Availabilities;
import dev.marquee.client.common.FakeServer;
import dev.marquee.client.common.Fixtures;
import dev.marquee.client.common.ManualTime;
import dev.marquee.client.common.Tasks;
import dev.marquee.client.common.api.ServerApi;
import dev.marquee.client.common.format.ShowTimes;
import dev.marquee.model.catalog.SeatingMode;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.collections.FXCollections;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AuditViewModelTest {

    private static final String PATH = "/api/admin/audit";
    private static final ShowRow JAZZ = new ShowRow(21, 2, "Late Night Jazz", "Today, 20:30", "Riverside Hall",
            SeatingMode.GA, true);

    /** Newest first, as the server answers; jsonb keeps keys shortest first, so the client must order them. */
    private static final String ENTRIES = """
            [{"id":5,"at":"2026-07-15T15:59:30Z","actor":"ada@marquee.test","action":"TIER_CHANGED","showId":21,
              "details":{"tierId":7,"newCapacity":30,"oldCapacity":40,"newPriceCents":5500,"oldPriceCents":4500}},
             {"id":4,"at":"2026-07-15T15:45:00Z","actor":"cal@marquee.test","action":"REFUND","showId":21,
              "details":{"tiers":[{"tierId":8,"quantity":1}],"orderId":"ord-2","seatIds":[],"ticketIds":["t-9"],
                         "amountCents":2500,"paymentMethod":"CASH"}},
             {"id":3,"at":"2026-07-15T15:30:05Z","actor":"cal@marquee.test","action":"SALE","showId":21,
              "details":{"tiers":[{"tierId":8,"quantity":2,"unitPriceCents":2500}],"channel":"BOX_OFFICE",
                         "orderId":"ord-1","seatIds":[],"totalCents":5000,"paymentMethod":"CARD"}},
             {"id":2,"at":"2026-07-15T15:00:00Z","actor":"ada@marquee.test","action":"SEATS_BLOCKED","showId":21,
              "details":{"reason":"Camera platform","seatIds":[101,102]}},
             {"id":1,"at":"2026-07-14T09:00:00Z","actor":"system","action":"LIGHTS_DIMMED","showId":21,
              "details":{"level":40}}]""";

    private final HttpClient http = ServerApi.newHttpClient();
    private final FakeServer server = FakeServer.start();
    private final ManualTime time = ManualTime.atNoon();
    private final AuditViewModel audit = new AuditViewModel(new ServerApi(http, server.uri()).withToken("tok-1"),
            Tasks.sameThread(), new ShowTimes(time, Locale.UK), Locale.UK, time, FXCollections.observableArrayList(
            JAZZ, new ShowRow(11, 1, "Vivaldi", "Sat 25 Jul 2026, 19:30", "The Grand Theatre", SeatingMode.SEATED,
                    true)));

    @AfterEach
    void stop() {
        server.close();
        http.close();
    }

    @Test
    void thePickedShowsNewestEntriesReadInWordsAndLocalTime() {
        server.answer("GET", PATH, 200, ENTRIES);

        audit.showPicked(JAZZ);

        assertEquals(List.of("limit=200&showId=21"),
                server.requests("GET", PATH).stream().map(FakeServer.Request::query).toList());
        assertEquals(5, audit.rows().size());
        assertEquals(new AuditRow("15 Jul 2026, 11:59:30", "ada@marquee.test", "Tier changed", "TIER_CHANGED",
                "Late Night Jazz, Today, 20:30", "tier 7 · capacity 40 → 30 · price $45.00 → $55.00"),
                audit.rows().getFirst());
        assertEquals("5 entries", audit.summaryProperty().get());
        assertFalse(audit.busyProperty().get());
    }

    @Test
    void detailsAreWordedForEachKindOfChangeAndUnknownOnesShownAsTheyAre() {
        server.answer("GET", PATH, 200, ENTRIES);

        audit.showPicked(JAZZ);

        assertEquals(List.of(
                "tier 7 · capacity 40 → 30 · price $45.00 → $55.00",
                "1 × tier 8 · 1 ticket · refunded $25.00 · cash · order ord-2",
                "2 × tier 8 at $25.00 · total $50.00 · card · box office · order ord-1",
                "seats 101, 102 · reason: Camera platform",
                "level=40"), audit.rows().stream().map(AuditRow::details).toList());
        assertEquals(List.of("Tier changed", "Refund", "Sale", "Seats blocked", "LIGHTS_DIMMED"),
                audit.rows().stream().map(AuditRow::action).toList());
    }

    @Test
    void aPriceChangeAloneLeavesTheUnchangedCapacityOut() {
        String details = AuditRow.details(Map.of("tierId", 7, "oldCapacity", 40, "newCapacity", 40,
                "oldPriceCents", 4500, "newPriceCents", 5000), AuditRow.timeFormat(time.getZone(), Locale.UK));

        assertEquals("tier 7 · price $45.00 → $50.00", details);
    }

    @Test
    void drawerShowAndSaleSwitchEntriesReadAsSentences() {
        var format = AuditRow.timeFormat(time.getZone(), Locale.UK);

        assertEquals("float $200.00 · shift s-1", AuditRow.details(
                Map.of("shiftId", "s-1", "openingFloatCents", 20000), format));
        assertEquals("expected $250.00 · counted $248.50 · $1.50 short · shift s-1", AuditRow.details(
                Map.of("shiftId", "s-1", "expectedCashCents", 25000, "countedCashCents", 24850,
                        "varianceCents", -150), format));
        assertEquals("put on sale", AuditRow.details(Map.of("from", false, "to", true), format));
        assertEquals("seated · starts 1 Aug 2026, 15:00:00 · not on sale · event 3 · venue 2", AuditRow.details(
                Map.of("eventId", 3, "venueId", 2, "startsAt", "2026-08-01T19:00:00Z",
                        "seatingMode", "SEATED", "onSale", false), format));
    }

    @Test
    void typingFiltersTheLoadedEntriesAtOnceWithoutAskingTheServer() {
        server.answer("GET", PATH, 200, ENTRIES);
        audit.showPicked(JAZZ);

        audit.filterTextProperty().set("CAL@");
        assertEquals(List.of("Refund", "Sale"), audit.rows().stream().map(AuditRow::action).toList());
        assertEquals("2 of 5 entries", audit.summaryProperty().get());

        audit.filterTextProperty().set("camera");
        assertEquals(List.of("Seats blocked"), audit.rows().stream().map(AuditRow::action).toList());

        audit.filterTextProperty().set("tier_changed");
        assertEquals(List.of("Tier changed"), audit.rows().stream().map(AuditRow::action).toList(),
                "the server's code finds the entry too");

        audit.filterTextProperty().set("");
        assertEquals(5, audit.rows().size());
        assertEquals(1, server.requests("GET", PATH).size());
    }

    @Test
    void theActionChoiceListsTheActionsPresentAndFiltersByOne() {
        server.answer("GET", PATH, 200, ENTRIES);
        audit.showPicked(JAZZ);

        assertEquals(List.of(AuditViewModel.ALL_ACTIONS, "LIGHTS_DIMMED", "Refund", "Sale", "Seats blocked",
                "Tier changed"), audit.actions());

        audit.actionProperty().set("Sale");
        assertEquals(List.of("cal@marquee.test"), audit.rows().stream().map(AuditRow::actor).toList());

        audit.filterTextProperty().set("ada");
        assertEquals(List.of(), audit.rows(), "both filters apply");

        audit.actionProperty().set(AuditViewModel.ALL_ACTIONS);
        assertEquals(List.of("Tier changed", "Seats blocked"), audit.rows().stream().map(AuditRow::action).toList());
    }

    @Test
    void theChosenActionSurvivesAReloadWithoutIt() {
        server.answer("GET", PATH, 200, ENTRIES);
        audit.showPicked(JAZZ);
        audit.actionProperty().set("Refund");

        server.answer("GET", PATH, 200, "[]");
        audit.refresh();

        assertEquals("Refund", audit.actionProperty().get());
        assertTrue(audit.actions().contains("Refund"));
    }

    @Test
    void everyShowAsksWithoutAShowAndNamesEachEntrysShow() {
        server.answer("GET", PATH, 200, """
                [{"id":9,"at":"2026-07-15T15:00:00Z","actor":"ada@marquee.test","action":"TIER_CREATED","showId":11,
                  "details":{"name":"Balcony","tierId":2,"capacity":120,"priceCents":3500}},
                 {"id":8,"at":"2026-07-15T14:00:00Z","actor":"cal@marquee.test","action":"SHIFT_OPENED",
                  "details":{"shiftId":"s-1","openingFloatCents":20000}},
                 {"id":7,"at":"2026-07-15T13:00:00Z","actor":"ada@marquee.test","action":"SALE","showId":99,
                  "details":{}}]""");
        audit.showPicked(JAZZ);

        audit.thisShowOnlyProperty().set(false);

        assertEquals("limit=200", server.requests("GET", PATH).getLast().query());
        assertEquals(List.of("Vivaldi, Sat 25 Jul 2026, 19:30", "", "Show 99"),
                audit.rows().stream().map(AuditRow::show).toList());
        assertEquals("“Balcony” · tier 2 · capacity 120 · price $35.00", audit.rows().getFirst().details());
        assertEquals("Drawer opened", audit.rows().get(1).action());
    }

    @Test
    void pushesReloadTheListAtMostOnceASecond() {
        server.answer("GET", PATH, 200, ENTRIES);
        audit.showPicked(JAZZ);

        for (int i = 0; i < 5; i++) {
            audit.applyAvailability(Availabilities.read(Fixtures.gaAvailability(2 + i, 3)));
        }
        audit.applyAvailability(Availabilities.read(Fixtures.seatedAvailability(9, "SOLD")));
        assertEquals(1, server.requests("GET", PATH).size());

        time.advance(Duration.ofSeconds(1));
        assertEquals(2, server.requests("GET", PATH).size(), "five pushes of the picked show, one reload");

        time.advance(Duration.ofSeconds(5));
        audit.applyAvailability(Availabilities.read(Fixtures.seatedAvailability(10, "SOLD")));
        time.advance(Duration.ofSeconds(5));
        assertEquals(2, server.requests("GET", PATH).size(), "another show's push is not this show's news");
    }

    @Test
    void withEveryShowListedAnyShowsPushReloads() {
        server.answer("GET", PATH, 200, ENTRIES);
        audit.showPicked(JAZZ);
        audit.thisShowOnlyProperty().set(false);
        time.advance(Duration.ofSeconds(5));

        audit.applyAvailability(Availabilities.read(Fixtures.seatedAvailability(9, "SOLD")));

        assertEquals(List.of("limit=200&showId=21", "limit=200", "limit=200"),
                server.requests("GET", PATH).stream().map(FakeServer.Request::query).toList());
    }

    @Test
    void aFailedLoadSaysWhyAndKeepsTheEntries() {
        server.answer("GET", PATH, 200, ENTRIES);
        audit.showPicked(JAZZ);
        server.answer("GET", PATH, 403,
                "{\"error\":\"FORBIDDEN\",\"message\":\"Only an administrator may read the audit log.\"}");

        audit.refresh();

        assertEquals("Only an administrator may read the audit log.", audit.errorMessageProperty().get());
        assertEquals(5, audit.rows().size());
        assertFalse(audit.busyProperty().get());
    }

    @Test
    void aShowThatNoLongerExistsSaysToRefreshTheList() {
        audit.showPicked(JAZZ);

        assertEquals("This show no longer exists. Refresh the show list (F5).", audit.errorMessageProperty().get());
        assertEquals(List.of(), audit.rows());
    }

    @Test
    void withNoShowPickedThisShowOnlyAsksNothing() {
        audit.showPicked(null);
        audit.refresh();

        assertEquals(List.of(), server.requests("GET", PATH));
        assertEquals("", audit.summaryProperty().get());
    }
}
