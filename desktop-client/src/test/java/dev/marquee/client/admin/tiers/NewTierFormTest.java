package dev.marquee.client.admin.tiers;

import static dev.marquee.client.admin.tiers.TiersViewModelTest.AURORA;
import static dev.marquee.client.admin.tiers.TiersViewModelTest.AVAILABILITY;
import static dev.marquee.client.admin.tiers.TiersViewModelTest.assertJson;
import static dev.marquee.client.admin.tiers.TiersViewModelTest.aurora;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marquee.client.admin.shows.ShowRow;
import dev.marquee.client.common.Availabilities;
import dev.marquee.client.common.FakeServer;
import dev.marquee.client.common.Tasks;
import dev.marquee.client.common.api.ServerApi;
import dev.marquee.model.catalog.SeatingMode;
import java.net.http.HttpClient;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NewTierFormTest {

    static final ShowRow VIVALDI = new ShowRow(6, 2, "Vivaldi", "Sat 25 Jul 2026, 19:30", "The Grand Theatre",
            SeatingMode.SEATED, true);
    /** Venue seats in no tier: two in Orchestra row 2, one in row 3, one in the Balcony. */
    private static final List<String> FREE = List.of(seat(201, "Orchestra", 2, 1), seat(202, "Orchestra", 2, 2),
            seat(301, "Orchestra", 3, 1), seat(401, "Balcony", 1, 1));

    private final HttpClient http = ServerApi.newHttpClient();
    private final FakeServer server = FakeServer.start();
    private final TiersViewModel tiers = new TiersViewModel(new ServerApi(http, server.uri()).withToken("tok-1"),
            Tasks.sameThread(), () -> { });
    private final NewTierForm form = tiers.newTier();

    @AfterEach
    void stop() {
        server.close();
        http.close();
    }

    /**
     * Show 6 (seated) at venue 3: Premium has seat 101, the venue's other seats are in no tier. The show's
     * availability lists only the seats in a tier, as the server's does.
     */
    static void answerSeatedShow(FakeServer server, List<String> freeSeats) {
        server.answer("GET", "/api/shows/6/availability", 200, """
                {"showId":6,"version":1,"tiers":[
                  {"tierId":11,"name":"Premium","priceCents":8500,"capacity":1,"available":0,"held":0,"sold":1}],
                 "seats":[{"seatId":101,"label":"Orchestra Row 1 Seat 1","section":"Orchestra","row":1,"number":1,
                           "tierId":11,"status":"SOLD"}]}""");
        server.answer("GET", "/api/shows/6", 200, """
                {"id":6,"eventId":2,"eventTitle":"Vivaldi","startsAt":"2026-07-25T23:30:00Z",
                 "venue":{"id":3,"name":"The Grand Theatre","capacity":5},"seatingMode":"SEATED","onSale":true,
                 "tiers":[{"id":11,"name":"Premium","priceCents":8500}]}""");
        String seats = String.join(",", Stream.concat(Stream.of(seat(101, "Orchestra", 1, 1)), freeSeats.stream())
                .toList());
        server.answer("GET", "/api/admin/venues", 200, """
                [{"id":1,"name":"Riverside Hall","capacity":0,"seats":[]},
                 {"id":3,"name":"The Grand Theatre","capacity":5,"seats":[%s]}]""".formatted(seats));
    }

    private static String seat(long seatId, String section, int row, int number) {
        return "{\"id\":%d,\"section\":\"%s\",\"row\":%d,\"number\":%d,\"label\":\"%s Row %d Seat %d\"}"
                .formatted(seatId, section, row, number, section, row, number);
    }

    @Test
    void aGeneralAdmissionTierIsSentWithItsCapacityAndAppearsAtOnce() throws Exception {
        server.answer("GET", AVAILABILITY, 200, aurora(1, 0));
        tiers.showPicked(AURORA);
        server.answer("POST", "/api/admin/shows/5/tiers", 201, """
                {"id":9,"showId":5,"name":"Balcony Box","priceCents":4000,"capacity":30,"available":30,"held":0,
                 "sold":0,"seatingMode":"GA"}""");
        server.answer("GET", AVAILABILITY, 200, aurora(2, 0).replace("]}", """
                ,{"tierId":9,"name":"Balcony Box","priceCents":4000,"capacity":30,"available":30,"held":0,"sold":0}]}"""));

        form.nameProperty().set(" Balcony Box ");
        form.priceProperty().set("40");
        form.capacityProperty().set("30");
        form.add();

        assertJson("{\"name\":\"Balcony Box\",\"priceCents\":4000,\"capacity\":30}",
                server.requests("POST", "/api/admin/shows/5/tiers").getFirst().body());
        assertEquals("Added Balcony Box: 30 tickets at $40.00.", form.messageProperty().get());
        assertEquals(List.of("VIP", "Front Row", "Balcony Box"),
                tiers.tiers().stream().map(line -> line.nameProperty().get()).toList());
        assertEquals("", form.nameProperty().get());
    }

    @Test
    void aHiddenTierIsSentAsHiddenAndSaidSo() throws Exception {
        server.answer("GET", AVAILABILITY, 200, aurora(1, 0));
        tiers.showPicked(AURORA);
        server.answer("POST", "/api/admin/shows/5/tiers", 201, """
                {"id":9,"showId":5,"name":"Presale","priceCents":3000,"capacity":20,"available":20,"held":0,
                 "sold":0,"seatingMode":"GA","hidden":true}""");

        form.nameProperty().set("Presale");
        form.priceProperty().set("30");
        form.capacityProperty().set("20");
        form.hiddenProperty().set(true);
        form.add();

        assertJson("{\"name\":\"Presale\",\"priceCents\":3000,\"capacity\":20,\"hidden\":true}",
                server.requests("POST", "/api/admin/shows/5/tiers").getFirst().body());
        assertEquals("Added Presale: 20 tickets at $30.00, hidden (an UNLOCK voucher opens it).",
                form.messageProperty().get());
        assertEquals(false, form.hiddenProperty().get(), "the next tier starts visible");
    }

    @Test
    void aTierWithoutANameOrWithATakenOneIsNotSent() {
        server.answer("GET", AVAILABILITY, 200, aurora(1, 0));
        tiers.showPicked(AURORA);
        form.priceProperty().set("40");
        form.capacityProperty().set("30");

        form.add();
        assertEquals("Type a name for the new tier (up to 100 characters).", form.errorMessageProperty().get());

        form.nameProperty().set("vip");
        form.add();
        assertEquals("This show already has a tier called vip.", form.errorMessageProperty().get());

        form.nameProperty().set("Lounge");
        form.capacityProperty().set("");
        form.add();
        assertEquals("Type how many tickets the new tier has, for example 100.", form.errorMessageProperty().get());
        assertTrue(server.requests("POST", "/api/admin/shows/5/tiers").isEmpty());
    }

    @Test
    void aSeatedTierTakesTheFreeSeatsOfTheChosenSectionAndRows() throws Exception {
        answerSeatedShow(server, FREE);
        tiers.showPicked(VIVALDI);
        server.answer("POST", "/api/admin/shows/6/tiers", 201, """
                {"id":12,"showId":6,"name":"Rear Stalls","priceCents":3000,"capacity":2,"available":2,"held":0,
                 "sold":0,"seatingMode":"SEATED"}""");

        assertEquals(List.of("Balcony", "Orchestra"), form.seats().sections());
        form.seats().sectionProperty().set("Orchestra");
        assertEquals("3 free seats in Orchestra rows 2–3 go to the new tier.", form.seats().summaryProperty().get());
        form.seats().toRowProperty().set("2");
        assertEquals("2 free seats in Orchestra row 2 go to the new tier.", form.seats().summaryProperty().get());
        form.nameProperty().set("Rear Stalls");
        form.priceProperty().set("30.00");
        form.add();

        assertJson("{\"name\":\"Rear Stalls\",\"priceCents\":3000,\"seatIds\":[201,202]}",
                server.requests("POST", "/api/admin/shows/6/tiers").getFirst().body());
        assertEquals("Added Rear Stalls: 2 seats at $30.00.", form.messageProperty().get());
    }

    @Test
    void rowsWithoutFreeSeatsSayWhereTheFreeOnesAreAndAPushTakesSeatsAway() {
        answerSeatedShow(server, FREE);
        tiers.showPicked(VIVALDI);
        form.seats().sectionProperty().set("Orchestra");

        form.seats().fromRowProperty().set("5");
        form.seats().toRowProperty().set("7");
        assertEquals("No seats in Orchestra rows 5–7 are free; the free ones are in rows 2–3.",
                form.seats().summaryProperty().get());

        form.seats().fromRowProperty().set("2");
        form.seats().toRowProperty().set("2");
        tiers.applyAvailability(Availabilities.read("""
                {"showId":6,"version":2,"tiers":[
                  {"tierId":11,"name":"Premium","priceCents":8500,"capacity":2,"available":1,"held":0,"sold":1}],
                 "seats":[{"seatId":202,"label":"Orchestra Row 2 Seat 2","section":"Orchestra","row":2,"number":2,
                           "tierId":11,"status":"AVAILABLE"}]}"""));
        assertEquals("1 free seat in Orchestra row 2 goes to the new tier.", form.seats().summaryProperty().get());
    }

    @Test
    void aSeatedShowWithEverySeatInATierSaysSeatsMustFirstBeFreed() {
        answerSeatedShow(server, List.of());
        tiers.showPicked(VIVALDI);

        assertEquals("Every seat of this show is already in a tier: seats must first be freed before a new tier can"
                + " have any.", form.seats().summaryProperty().get());
        assertFalse(form.canAddProperty().get());
        assertTrue(form.seatedProperty().get());
    }

    @Test
    void seatsTakenByAnotherTierMeanwhileAreExplained() {
        answerSeatedShow(server, FREE);
        tiers.showPicked(VIVALDI);
        server.answer("POST", "/api/admin/shows/6/tiers", 409, """
                {"error":"SEAT_UNAVAILABLE","message":"These seats already belong to a tier","details":{"seatIds":[401]}}""");
        form.nameProperty().set("Gods");
        form.priceProperty().set("12");

        int readsBefore = server.requests("GET", "/api/shows/6/availability").size();

        form.add();

        assertEquals("Some of those seats joined another tier meanwhile: the free seats are read again, choose again.",
                form.errorMessageProperty().get());
        assertEquals(readsBefore + 1, server.requests("GET", "/api/shows/6/availability").size(),
                "the show's seats are read again");
        assertEquals("Gods", form.nameProperty().get(), "what was typed stays for another go");
        assertFalse(form.busyProperty().get());
    }

    @Test
    void whenTheVenuesSeatsCannotBeReadTheFormSaysWhyAndAddsNothing() {
        answerSeatedShow(server, FREE);
        server.answer("GET", "/api/admin/venues", 503,
                "{\"error\":\"SERVICE_UNAVAILABLE\",\"message\":\"The database is not answering; try again soon.\"}");

        tiers.showPicked(VIVALDI);

        assertEquals("The database is not answering; try again soon.", form.errorMessageProperty().get());
        assertFalse(form.canAddProperty().get());
    }
}
