package dev.marquee.client.admin.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marquee.client.common.FakeServer;
import dev.marquee.model.Json;
import java.util.List;

/** Contract JSON for the set-up tool's tests: two venues, three events, and the server's answers to creates. */
final class SetupJson {

    /** A standing hall without seats, and a small theatre: Orchestra 2 rows of 2, Balcony 1 row of 2. */
    static final String VENUES = """
            [{"id":1,"name":"Riverside Hall","capacity":1500,"seats":[]},
             {"id":2,"name":"The Grand Theatre","capacity":6,"seats":[
               {"id":10,"section":"Orchestra","row":1,"number":1,"label":"Orchestra Row 1 Seat 1"},
               {"id":11,"section":"Orchestra","row":1,"number":2,"label":"Orchestra Row 1 Seat 2"},
               {"id":12,"section":"Orchestra","row":2,"number":1,"label":"Orchestra Row 2 Seat 1"},
               {"id":13,"section":"Orchestra","row":2,"number":2,"label":"Orchestra Row 2 Seat 2"},
               {"id":14,"section":"Balcony","row":1,"number":1,"label":"Balcony Row 1 Seat 1"},
               {"id":15,"section":"Balcony","row":1,"number":2,"label":"Balcony Row 1 Seat 2"}]}]""";

    /** Listed by id, not by title; one event has no shows yet. */
    static final String EVENTS = """
            [{"id":1,"title":"Night Owls","description":"Indie rock","shows":[
                {"id":11,"startsAt":"2026-07-16T01:30:00Z","venueName":"The Grand Theatre","seatingMode":"SEATED","onSale":true},
                {"id":12,"startsAt":"2026-08-01T19:00:00Z","venueName":"The Grand Theatre","seatingMode":"SEATED","onSale":false}]},
             {"id":2,"title":"brass Parade","description":"Street band","shows":[
                {"id":21,"startsAt":"2026-07-10T18:00:00Z","venueName":"Riverside Hall","seatingMode":"GA","onSale":true}]},
             {"id":3,"title":"Announced Soon","description":"","shows":[]}]""";

    /** The server's answer to a new venue: Harbour Hall, one section of one row of two seats. */
    static final String HARBOUR_HALL = """
            {"id":7,"name":"Harbour Hall","capacity":2,"seats":[
              {"id":70,"section":"Stalls","row":1,"number":1,"label":"Stalls Row 1 Seat 1"},
              {"id":71,"section":"Stalls","row":1,"number":2,"label":"Stalls Row 1 Seat 2"}]}""";

    static final String NEW_EVENT = """
            {"id":9,"title":"Midsummer Sessions","description":"Acoustic sets","shows":[]}""";

    /** The server's answer to a new show of Night Owls at the theatre, 1 August 2026 at 19:30 in New York. */
    static final String NEW_SHOW = """
            {"id":40,"eventId":1,"eventTitle":"Night Owls","startsAt":"2026-08-01T23:30:00Z",
             "venue":{"id":2,"name":"The Grand Theatre","capacity":6},"seatingMode":"SEATED","onSale":false,"tiers":[]}""";

    static final ObjectMapper JSON = Json.newMapper();

    private SetupJson() {
    }

    static String validationFailed(String message) {
        return "{\"error\":\"VALIDATION_FAILED\",\"message\":\"" + message + "\",\"details\":{\"field\":\"name\"}}";
    }

    /** The one request sent to method path had exactly this JSON body. */
    static void assertSentOnce(FakeServer server, String method, String path, String json) {
        List<FakeServer.Request> sent = server.requests(method, path);
        assertEquals(1, sent.size(), method + " " + path + " requests");
        try {
            assertEquals(JSON.readTree(json), JSON.readTree(sent.getFirst().body()));
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    /** Nothing but reads reached the server: no create was sent. */
    static void assertNothingCreated(FakeServer server) {
        assertEquals(List.of(), server.requests().stream().filter(r -> !r.method().equals("GET")).toList());
    }
}
