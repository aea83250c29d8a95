package dev.marquee.client.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marquee.client.booking.WaitingRoomViewModel.Stage;
import dev.marquee.client.common.FakeServer;
import dev.marquee.client.common.Fixtures;
import dev.marquee.client.common.ManualTime;
import dev.marquee.client.common.Tasks;
import dev.marquee.client.common.api.ServerApi;
import dev.marquee.client.common.format.ShowTimes;
import dev.marquee.client.common.widgets.ShowEntry;
import dev.marquee.model.auth.Role;
import dev.marquee.model.catalog.EventSummary;
import dev.marquee.model.catalog.SeatingMode;
import dev.marquee.model.catalog.ShowSummary;
import dev.marquee.model.live.QueueMessage;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WaitingRoomViewModelTest {

    private static final String LINE = "/api/shows/21/queue";
    private static final String MY_PLACE = "/api/shows/21/queue/me";

    private final HttpClient http = ServerApi.newHttpClient();
    private final FakeServer server = FakeServer.start();
    private final ManualTime time = ManualTime.atNoon();
    private WaitingRoomViewModel room;

    @BeforeEach
    void start() {
        room = new WaitingRoomViewModel(Fixtures.session(http, server.uri(), Role.FAN).api(), Tasks.sameThread(),
                new ShowTimes(time, Locale.UK), time);
    }

    @AfterEach
    void stop() {
        server.close();
        http.close();
    }

    @Test
    void anEngagedLineIsJoinedWithoutAClickAndShowsThePlace() {
        server.answer("GET", LINE, 200, line(true, 10, 50, 100L, null))
                .answer("POST", LINE, 201, place(35, "WAITING", 25L, null));

        room.open(show(true, null));

        assertEquals(1, server.requests("POST", LINE).size());
        assertEquals(Stage.WAITING, room.stageProperty().get());
        assertTrue(room.bookingLockedProperty().get());
        assertEquals("Number 35 · 24 people ahead of you", room.positionProperty().get());
        assertEquals("About 2 minutes", room.waitProperty().get());
    }

    @Test
    void aLineThatIsNotEngagedStandsAside() {
        server.answer("GET", LINE, 200, line(false, 0, 0, null, null));

        room.open(show(true, null));

        assertEquals(0, server.requests("POST", LINE).size());
        assertEquals(Stage.NONE, room.stageProperty().get());
        assertFalse(room.bookingLockedProperty().get());
    }

    @Test
    void liveMovesBringTheFanForwardUntilAdmitted() {
        server.answer("GET", LINE, 200, line(true, 10, 50, 100L, null))
                .answer("POST", LINE, 201, place(35, "WAITING", 25L, null));
        room.open(show(true, null));

        room.applyLine(move(30, 20, 40L, false));
        assertEquals("Number 35 · 4 people ahead of you", room.positionProperty().get());
        assertTrue(room.progressProperty().get() > 0.7, "progress " + room.progressProperty().get());

        server.answer("GET", MY_PLACE, 200, place(35, "ADMITTED", 0L, "2026-07-15T16:02:00Z"));
        room.applyLine(move(35, 15, 30L, false));

        assertEquals(Stage.ADMITTED, room.stageProperty().get());
        assertFalse(room.bookingLockedProperty().get());
        assertEquals("It's your turn to book Late Night Jazz!", room.noticeProperty().get());
        assertEquals("2:00 left to start booking", room.countdownProperty().get());
        time.advance(Duration.ofSeconds(1));
        assertEquals("1:59 left to start booking", room.countdownProperty().get());
    }

    @Test
    void aSellOutIsSaidPlainly() {
        server.answer("GET", LINE, 200, line(true, 10, 50, 100L, null))
                .answer("POST", LINE, 201, place(35, "WAITING", 25L, null))
                .answer("GET", MY_PLACE, 200, place(35, "SOLD_OUT", null, null));
        room.open(show(true, null));

        room.applyLine(move(20, 0, null, true));

        assertEquals(Stage.SOLD_OUT, room.stageProperty().get());
        assertEquals("Sold out", room.headlineProperty().get());
        assertTrue(room.messageProperty().get().contains("Every ticket has been sold"));
        assertTrue(room.bookingLockedProperty().get());
    }

    @Test
    void beforeTheOpeningTheFanJoinsForTheDrawAndSeesItCountDown() {
        Instant opening = time.instant().plus(Duration.ofMinutes(5));
        server.answer("GET", LINE, 200, line(false, 0, 3, null, opening.toString()))
                .answer("POST", LINE, 201, place(null, "WAITING", null, null));

        room.open(show(false, opening));

        assertEquals(Stage.AWAITING_DRAW, room.stageProperty().get());
        assertEquals("The draw is in 5:00", room.countdownProperty().get());
        time.advance(Duration.ofSeconds(1));
        assertEquals("The draw is in 4:59", room.countdownProperty().get());
    }

    @Test
    void leavingIsOneCommandAndJoiningAgainGoesToTheBack() {
        server.answer("GET", LINE, 200, line(true, 10, 50, 100L, null))
                .answer("POST", LINE, 201, place(35, "WAITING", 25L, null))
                .answer("DELETE", MY_PLACE, 204, null);
        room.open(show(true, null));

        room.leave();

        assertEquals(Stage.LEFT, room.stageProperty().get());
        assertEquals(1, server.requests("DELETE", MY_PLACE).size());
        server.answer("POST", LINE, 201, place(61, "WAITING", 51L, null));
        room.join();
        assertEquals("Number 61 · 50 people ahead of you", room.positionProperty().get());
    }

    private static ShowEntry show(boolean onSale, Instant onSaleAt) {
        ShowSummary show = new ShowSummary(21, Instant.parse("2026-07-16T00:30:00Z"), "Riverside Hall",
                SeatingMode.GA, onSale, onSaleAt);
        return new ShowEntry(new EventSummary(2, "Late Night Jazz", "Two sets.", List.of(show)), show, "Tomorrow");
    }

    private static String line(boolean engaged, long nowServing, long waiting, Long wait, String onSaleAt) {
        return """
                {"showId":21,"engaged":%s,"nowServing":%d,"waiting":%d,"estimatedWaitSeconds":%s,"soldOut":false,
                 "waitingRoom":"AUTO","onSaleAt":%s,"awaitingDraw":0,"admittedLastMinute":0,"onlyHeldLeft":false}"""
                .formatted(engaged, nowServing, waiting, wait, onSaleAt == null ? "null" : "\"" + onSaleAt + "\"");
    }

    private static String place(Integer number, String state, Long position, String admittedUntil) {
        return """
                {"showId":21,"number":%s,"state":"%s","position":%s,"estimatedWaitSeconds":null%s}"""
                .formatted(number, state, position,
                        admittedUntil == null ? "" : ",\"admittedUntil\":\"" + admittedUntil + "\"");
    }

    private static QueueMessage move(long nowServing, long waiting, Long wait, boolean soldOut) {
        return new QueueMessage(QueueMessage.QUEUE, 21, nowServing, waiting, wait, soldOut, true, 0, 60, false, null);
    }
}
