package dev.marquee.client.admin.seats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.marquee.client.admin.shows.ShowRow;
import dev.marquee.client.common.Availabilities;
import dev.marquee.client.common.FakeServer;
import dev.marquee.client.common.TaskExecutor;
import dev.marquee.client.common.Tasks;
import dev.marquee.client.common.api.ServerApi;
import dev.marquee.client.common.widgets.SeatCell;
import dev.marquee.model.Json;
import dev.marquee.model.catalog.SeatStatus;
import dev.marquee.model.catalog.SeatingMode;
import java.net.http.HttpClient;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SeatBlockViewModelTest {

    private static final ShowRow SEATED = new ShowRow(11, 1, "Vivaldi", "Sat 25 Jul 2026, 19:30", "The Grand Theatre",
            SeatingMode.SEATED, true);
    private static final ShowRow GA = new ShowRow(21, 2, "Late Night Jazz", "Wed 15 Jul 2026, 20:30",
            "Riverside Hall", SeatingMode.GA, true);
    private static final String AVAILABILITY = "/api/shows/11/availability";
    private static final String BLOCK = "/api/admin/shows/11/seats/block";
    private static final String UNBLOCK = "/api/admin/shows/11/seats/unblock";

    private final HttpClient http = ServerApi.newHttpClient();
    private final FakeServer server = FakeServer.start();
    private final ServerApi api = new ServerApi(http, server.uri()).withToken("tok-1");
    private final SeatBlockViewModel seats = new SeatBlockViewModel(api, Tasks.sameThread());

    @AfterEach
    void stop() {
        server.close();
        http.close();
    }

    @Test
    void generalAdmissionShowHasNoMapAndNothingWorks() {
        seats.showPicked(GA);

        assertEquals("General admission: this show has no seat map.", seats.noMapProperty().get());
        assertFalse(seats.seatedProperty().get());
        assertTrue(seats.seatMap().seats().isEmpty());
        assertFalse(seats.canBlockProperty().get());
        assertFalse(seats.canUnblockProperty().get());
        assertTrue(server.requests().isEmpty(), "a GA show has no seats to load");
    }

    @Test
    void aSeatedShowLoadsItsMapAfterAGeneralAdmissionOne() {
        seats.showPicked(GA);
        server.answer("GET", AVAILABILITY, 200, row(1, "AABBHS"));

        seats.showPicked(SEATED);

        assertEquals("", seats.noMapProperty().get());
        assertTrue(seats.seatedProperty().get());
        assertEquals(List.of(SeatStatus.AVAILABLE, SeatStatus.AVAILABLE, SeatStatus.BLOCKED, SeatStatus.BLOCKED,
                SeatStatus.HELD, SeatStatus.SOLD), statuses());
        assertEquals("No seats picked: click a seat, or drag across a row.", seats.summaryProperty().get());
    }

    @Test
    void anAdministratorPicksAWholeRowAndBlockedSeatsButNotHeldOrSoldOnes() {
        server.answer("GET", AVAILABILITY, 200, row(1, "A".repeat(30) + "BHS"));
        seats.showPicked(SEATED);

        seats.seatMap().seats().forEach(seats.seatMap()::toggle);

        assertEquals(31, seats.seatMap().selectedCountProperty().get(), "30 available and 1 blocked");
        assertEquals("A-1-33 is sold.", seats.seatMap().noticeProperty().get());
        assertEquals("31 seats picked: A-1-1, A-1-2, A-1-3, A-1-4, A-1-5, A-1-6, A-1-7, A-1-8, A-1-9, A-1-10"
                + " and 21 more", seats.summaryProperty().get());
    }

    @Test
    void blockSendsThePickedSeatsWithTheReasonAndShowsTheAnswer() {
        server.answer("GET", AVAILABILITY, 200, row(1, "AAAAHS"));
        seats.showPicked(SEATED);
        pick(1, 2, 4);
        assertEquals("3 seats picked: A-1-1, A-1-2, A-1-4", seats.summaryProperty().get());
        seats.reasonProperty().set("  camera platform ");
        server.answer("POST", BLOCK, 200, row(2, "BBABHS"));

        seats.block();

        assertJson("{\"seatIds\":[1,2,4],\"reason\":\"camera platform\"}", server.requests("POST", BLOCK));
        assertEquals(List.of(SeatStatus.BLOCKED, SeatStatus.BLOCKED, SeatStatus.AVAILABLE, SeatStatus.BLOCKED,
                SeatStatus.HELD, SeatStatus.SOLD), statuses());
        assertEquals(0, seats.seatMap().selectedCountProperty().get(), "the pick is cleared");
        assertEquals("Blocked 3 seats.", seats.doneMessageProperty().get());
        assertEquals("", seats.reasonProperty().get());
        assertFalse(seats.busyProperty().get());
    }

    @Test
    void blockingNeedsAReason() {
        server.answer("GET", AVAILABILITY, 200, row(1, "AAAAAA"));
        seats.showPicked(SEATED);
        pick(1);
        seats.reasonProperty().set("   ");

        seats.block();

        assertFalse(seats.canBlockProperty().get());
        assertEquals("Say why these seats are blocked, e.g. camera platform.", seats.reasonProblemProperty().get());
        assertTrue(server.requests("POST", BLOCK).isEmpty());

        seats.reasonProperty().set("broken chair");
        assertTrue(seats.canBlockProperty().get());
        assertEquals("", seats.reasonProblemProperty().get());
    }

    @Test
    void aPickOfAvailableAndBlockedSeatsNamesTheBlockedOnesAndAllowsNeitherAction() {
        server.answer("GET", AVAILABILITY, 200, row(1, "AABBAA"));
        seats.showPicked(SEATED);
        seats.reasonProperty().set("camera platform");

        pick(1, 3, 4);

        assertFalse(seats.canBlockProperty().get());
        assertFalse(seats.canUnblockProperty().get());
        assertEquals("Not available, so they cannot be blocked: A-1-3, A-1-4. Pick only available seats to block,"
                + " or only blocked ones to unblock.", seats.pickNoteProperty().get());
        assertEquals("", seats.reasonProblemProperty().get(), "the reason is not what is missing");
    }

    @Test
    void unblockSendsThePickedBlockedSeatsWithoutAReasonAndShowsTheAnswer() {
        server.answer("GET", AVAILABILITY, 200, row(1, "AABBAA"));
        seats.showPicked(SEATED);
        pick(3, 4);
        assertFalse(seats.canBlockProperty().get());
        assertEquals("Already blocked: A-1-3, A-1-4. Unblock returns them to sale.", seats.pickNoteProperty().get());
        server.answer("POST", UNBLOCK, 200, row(2, "AAAAAA"));

        seats.unblock();

        assertJson("{\"seatIds\":[3,4]}", server.requests("POST", UNBLOCK));
        assertEquals(List.of(SeatStatus.AVAILABLE), statuses().stream().distinct().toList());
        assertEquals(0, seats.seatMap().selectedCountProperty().get());
        assertEquals("Unblocked 2 seats.", seats.doneMessageProperty().get());
        assertTrue(server.requests("POST", BLOCK).isEmpty());
    }

    @Test
    void seatsHeldOrSoldMeanwhileAreNamedAndNothingChanges() {
        server.answer("GET", AVAILABILITY, 200, row(1, "AAAAAA"));
        seats.showPicked(SEATED);
        pick(2, 5);
        seats.reasonProperty().set("camera platform");
        server.answer("POST", BLOCK, 409, """
                {"error":"SEAT_UNAVAILABLE","message":"These seats are held or sold and cannot be blocked: 2, 5.",
                 "details":{"seatIds":[2,5]}}""");

        seats.block();

        assertEquals("Nothing was blocked: A-1-2, A-1-5 have just been held or sold.",
                seats.errorMessageProperty().get());
        assertEquals(List.of(2L, 5L), pickedIds());
        assertEquals(List.of(SeatStatus.AVAILABLE), statuses().stream().distinct().toList());
        assertEquals("camera platform", seats.reasonProperty().get());
        assertTrue(seats.canBlockProperty().get(), "the administrator may try again");
    }

    @Test
    void otherRefusalsShowTheServersSentence() {
        server.answer("GET", AVAILABILITY, 200, row(1, "AAAAAA"));
        seats.showPicked(SEATED);
        pick(1);
        seats.reasonProperty().set("camera platform");
        server.answer("POST", BLOCK, 403, "{\"error\":\"FORBIDDEN\",\"message\":\"Only an administrator may do this.\"}");

        seats.block();

        assertEquals("Only an administrator may do this.", seats.errorMessageProperty().get());
        assertEquals(List.of(1L), pickedIds());
    }

    @Test
    void pushesForThePickedShowUpdateTheMapAndOthersAreIgnored() {
        server.answer("GET", AVAILABILITY, 200, row(3, "AAAAAA"));
        seats.showPicked(SEATED);
        pick(1, 2);
        seats.reasonProperty().set("camera platform");

        seats.applyAvailability(Availabilities.read(push(11, 4, 1, SeatStatus.HELD)));
        seats.applyAvailability(Availabilities.read(push(11, 5, 2, SeatStatus.BLOCKED)));
        seats.applyAvailability(Availabilities.read(push(12, 9, 3, SeatStatus.SOLD)));
        seats.applyAvailability(Availabilities.read(push(11, 2, 4, SeatStatus.SOLD)));

        assertEquals(List.of(SeatStatus.HELD, SeatStatus.BLOCKED, SeatStatus.AVAILABLE, SeatStatus.AVAILABLE,
                SeatStatus.AVAILABLE, SeatStatus.AVAILABLE), statuses());
        assertEquals(List.of(2L), pickedIds(), "the seat held elsewhere left the pick");
        assertFalse(seats.canBlockProperty().get(), "seat 2 is blocked now");
        assertTrue(seats.canUnblockProperty().get());
    }

    @Test
    void aPushHeardWhileTheMapLoadsIsNotLost() {
        Queue<Runnable> calls = new ArrayDeque<>();
        SeatBlockViewModel slow = new SeatBlockViewModel(api, new TaskExecutor(calls::add, Runnable::run));
        server.answer("GET", AVAILABILITY, 200, row(1, "AAAAAA"));
        slow.showPicked(SEATED);
        assertTrue(slow.busyProperty().get());

        slow.applyAvailability(Availabilities.read(push(11, 2, 6, SeatStatus.SOLD)));
        calls.remove().run();

        assertEquals(SeatStatus.SOLD, slow.seatMap().seats().get(5).statusProperty().get());
        assertEquals(6, slow.seatMap().seats().size());
        assertFalse(slow.busyProperty().get());
    }

    @Test
    void anAnswerAboutTheShowPickedBeforeIsIgnored() {
        Queue<Runnable> calls = new ArrayDeque<>();
        SeatBlockViewModel slow = new SeatBlockViewModel(api, new TaskExecutor(calls::add, Runnable::run));
        server.answer("GET", AVAILABILITY, 200, row(1, "AAAAAA"));
        slow.showPicked(SEATED);

        slow.showPicked(GA);
        calls.remove().run();

        assertTrue(slow.seatMap().seats().isEmpty());
        assertEquals("General admission: this show has no seat map.", slow.noMapProperty().get());
        assertFalse(slow.busyProperty().get());
    }

    @Test
    void theListReloadingKeepsTheMapAndThePick() {
        server.answer("GET", AVAILABILITY, 200, row(1, "AAAAAA"));
        seats.showPicked(SEATED);
        pick(1, 2);

        seats.showPicked(new ShowRow(11, 1, "Vivaldi", "Sat 25 Jul 2026, 19:30", "The Grand Theatre",
                SeatingMode.SEATED, false));

        assertEquals(List.of(1L, 2L), pickedIds());
        assertEquals(1, server.requests("GET", AVAILABILITY).size());
    }

    @Test
    void aMapThatFailedToLoadSaysWhyAndLoadsWhenTheShowIsPickedAgain() {
        server.answer("GET", AVAILABILITY, 503,
                "{\"error\":\"SERVICE_UNAVAILABLE\",\"message\":\"The database is not answering; try again soon.\"}");
        seats.showPicked(SEATED);
        assertEquals("The database is not answering; try again soon.", seats.errorMessageProperty().get());
        assertTrue(seats.seatMap().seats().isEmpty());

        server.answer("GET", AVAILABILITY, 200, row(1, "AAAAAA"));
        seats.showPicked(SEATED);

        assertEquals(6, seats.seatMap().seats().size());
    }

    private void pick(long... seatIds) {
        for (long id : seatIds) {
            seats.seatMap().toggle(seats.seatMap().seats().stream().filter(cell -> cell.seatId() == id).findFirst()
                    .orElseThrow());
        }
    }

    private List<Long> pickedIds() {
        return seats.seatMap().selectedSeats().stream().map(SeatCell::seatId).toList();
    }

    private List<SeatStatus> statuses() {
        return seats.seatMap().seats().stream().map(cell -> cell.statusProperty().get()).toList();
    }

    private static void assertJson(String expected, List<FakeServer.Request> sent) {
        assertEquals(1, sent.size());
        try {
            assertEquals(Json.newMapper().readTree(expected), Json.newMapper().readTree(sent.getFirst().body()));
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    /** Show 11 at this version: row 1 of section A, seat n labelled A-1-n, one status letter per seat (A B H S). */
    private static String row(long version, String statuses) {
        String seatsJson = IntStream.range(0, statuses.length()).mapToObj(i -> seat(i + 1, switch (statuses.charAt(i)) {
            case 'B' -> SeatStatus.BLOCKED;
            case 'H' -> SeatStatus.HELD;
            case 'S' -> SeatStatus.SOLD;
            default -> SeatStatus.AVAILABLE;
        })).collect(Collectors.joining(","));
        return """
                {"showId":11,"version":%d,"tiers":[
                  {"tierId":1,"name":"Stalls","priceCents":5000,"capacity":100,"available":90,"held":5,"sold":5}],
                 "seats":[%s]}""".formatted(version, seatsJson);
    }

    /** A live push: all tiers, only the seat that changed. */
    private static String push(long showId, long version, int seatNumber, SeatStatus status) {
        return """
                {"showId":%d,"version":%d,"tiers":[],"seats":[%s]}""".formatted(showId, version,
                seat(seatNumber, status));
    }

    private static String seat(int number, SeatStatus status) {
        return """
                {"seatId":%d,"label":"A-1-%d","section":"A","row":1,"number":%d,"tierId":1,"status":"%s"}"""
                .formatted(number, number, number, status);
    }
}
