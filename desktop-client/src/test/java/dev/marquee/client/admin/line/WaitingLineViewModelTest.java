package dev.marquee.client.admin.line;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.marquee.client.admin.shows.ShowRow;
import dev.marquee.client.common.FakeServer;
import dev.marquee.client.common.Fixtures;
import dev.marquee.client.common.Tasks;
import dev.marquee.client.common.api.ServerApi;
import dev.marquee.model.Json;
import dev.marquee.model.catalog.SeatingMode;
import dev.marquee.model.catalog.WaitingRoom;
import dev.marquee.model.live.QueueMessage;
import java.net.http.HttpClient;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WaitingLineViewModelTest {

    private static final ShowRow AURORA = new ShowRow(5, 1, "Aurora Skies", "Sat 18 Jul 2026, 20:00", "Harbour Hall",
            SeatingMode.GA, true);
    private static final String SHOW = """
            {"id":5,"eventId":1,"eventTitle":"Aurora Skies","startsAt":"2026-07-18T19:00:00Z",
             "venue":{"id":1,"name":"Harbour Hall","capacity":1500},"seatingMode":"GA","onSale":false,"tiers":[],
             "waitingRoom":"ON","onSaleAt":"2026-07-16T09:00:00Z","maxTicketsPerAccount":4}""";

    private final HttpClient http = ServerApi.newHttpClient();
    private final FakeServer server = FakeServer.start();
    private final WaitingLineViewModel line = new WaitingLineViewModel(
            new ServerApi(http, server.uri()).withToken("tok-1"), Tasks.sameThread(), Fixtures.TIMES);

    @BeforeEach
    void pick() {
        server.answer("GET", "/api/shows/5", 200, SHOW)
                .answer("GET", "/api/shows/5/queue", 200, """
                        {"showId":5,"engaged":true,"nowServing":120,"waiting":480,"estimatedWaitSeconds":95,
                         "soldOut":false,"waitingRoom":"ON","onSaleAt":null,"awaitingDraw":0,"admittedLastMinute":300,
                         "onlyHeldLeft":false}""");
        line.showPicked(AURORA);
    }

    @AfterEach
    void stop() {
        server.close();
        http.close();
    }

    @Test
    void theSettingsAndTheLineAreShownInThePanesTimeZone() {
        assertEquals(WaitingRoom.ON, line.waitingRoomProperty().get());
        assertEquals(LocalDate.of(2026, 7, 16), line.opensOnProperty().get());
        assertEquals("05:00", line.opensAtProperty().get(), "09:00 UTC is 05:00 in New York, the pane's zone");
        assertEquals("4", line.limitProperty().get());
        assertEquals("480", line.waitingProperty().get());
        assertEquals("300", line.admittedPerMinuteProperty().get());
        assertEquals("2 min", line.estimatedWaitProperty().get());
        assertEquals(1, line.lineLength().size());
    }

    @Test
    void savingClearedFieldsSendsNullsSoTheServerClearsThem() throws Exception {
        server.answer("PATCH", "/api/admin/shows/5", 200, SHOW);
        line.opensOnProperty().set(null);
        line.opensAtProperty().set("");
        line.limitProperty().set("");
        line.waitingRoomProperty().set(WaitingRoom.AUTO);

        line.save();

        JsonNode sent = Json.newMapper().readTree(server.requests("PATCH", "/api/admin/shows/5").getFirst().body());
        assertEquals("AUTO", sent.get("waitingRoom").asText());
        assertEquals(true, sent.has("onSaleAt") && sent.get("onSaleAt").isNull(), sent.toString());
        assertEquals(true, sent.has("maxTicketsPerAccount") && sent.get("maxTicketsPerAccount").isNull());
        assertEquals("Saved.", line.messageProperty().get());
    }

    @Test
    void whatWasTypedIsCheckedBeforeAnythingIsSent() {
        line.limitProperty().set("0");
        line.save();
        assertEquals("Tickets per account must be 1 to 1000, or empty for no limit.", line.messageProperty().get());

        line.limitProperty().set("4");
        line.opensAtProperty().set("ten");
        line.save();
        assertEquals("Type the on-sale time as hours and minutes, such as 10:00.", line.messageProperty().get());
        assertEquals(0, server.requests("PATCH", "/api/admin/shows/5").size());
    }

    @Test
    void theLineFollowsLiveMovesOfThePickedShowOnly() {
        line.applyLine(new QueueMessage(QueueMessage.QUEUE, 6, 0, 999, null, false, true, 0, 0, false, null));
        assertEquals("480", line.waitingProperty().get());

        line.applyLine(new QueueMessage(QueueMessage.QUEUE, 5, 0, 0, null, true, true, 0, 12, false, null));

        assertEquals("0", line.waitingProperty().get());
        assertEquals("Sold out: everyone waiting was told", line.stateProperty().get());
    }
}
