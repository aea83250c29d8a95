package dev.marquee.client.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.marquee.client.common.api.RetrySafeRequest;
import dev.marquee.client.common.api.ServerApi;
import dev.marquee.client.common.api.Session;
import dev.marquee.client.common.format.ShowTimes;
import dev.marquee.client.common.widgets.ShowEntry;
import dev.marquee.client.common.widgets.ShowListing;
import dev.marquee.model.Json;
import dev.marquee.model.auth.Role;
import dev.marquee.model.auth.UserView;
import dev.marquee.model.catalog.EventSummary;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/** Contract JSON and a frozen clock shared by the view model tests. */
public final class Fixtures {

    /** Noon in New York on 15 July 2026: the Jazz show is tonight, the others later. */
    public static final Clock NOON = Clock.fixed(Instant.parse("2026-07-15T16:00:00Z"),
            ZoneId.of("America/New_York"));

    public static final ShowTimes TIMES = new ShowTimes(NOON, Locale.UK);

    /** Out of time order on purpose; one show was yesterday and must not be listed. */
    public static final String EVENTS = """
            [{"id":1,"title":"Vivaldi: The Four Seasons","description":"By candlelight.","shows":[
                {"id":11,"startsAt":"2026-07-25T23:30:00Z","venueName":"The Grand Theatre","seatingMode":"SEATED","onSale":true}]},
             {"id":2,"title":"Late Night Jazz","description":"Two sets.","shows":[
                {"id":21,"startsAt":"2026-07-16T00:30:00Z","venueName":"Riverside Hall","seatingMode":"GA","onSale":true},
                {"id":20,"startsAt":"2026-07-14T23:00:00Z","venueName":"Riverside Hall","seatingMode":"GA","onSale":true}]},
             {"id":3,"title":"Winter Gala","description":"Carols.","shows":[
                {"id":31,"startsAt":"2026-08-29T23:00:00Z","venueName":"The Grand Theatre","seatingMode":"SEATED","onSale":false}]}]""";

    /** Show 21 (GA): Bar Table $45.00 with 3 left, Standing $25.00 with 300 left. */
    public static String gaAvailability(long version, int barTablesLeft) {
        return """
                {"showId":21,"version":%d,"tiers":[
                  {"tierId":7,"name":"Bar Table","priceCents":4500,"capacity":40,"available":%d,"held":2,"sold":%d},
                  {"tierId":8,"name":"Standing","priceCents":2500,"capacity":300,"available":300,"held":0,"sold":0}]}"""
                .formatted(version, barTablesLeft, 38 - barTablesLeft);
    }

    /** Show 11 (seated): two tiers, one row each; seat 103 is sold, seat 104 belongs to no tier. */
    public static String seatedAvailability(long version, String seat101Status) {
        return """
                {"showId":11,"version":%d,"tiers":[
                  {"tierId":1,"name":"Premium","priceCents":8500,"capacity":2,"available":1,"held":0,"sold":1},
                  {"tierId":2,"name":"Balcony","priceCents":3500,"capacity":1,"available":1,"held":0,"sold":0}],
                 "seats":[
                  {"seatId":201,"label":"Balcony Row 1 Seat 1","section":"Balcony","row":1,"number":1,"tierId":2,"status":"AVAILABLE"},
                  {"seatId":103,"label":"Orchestra Row 1 Seat 3","section":"Orchestra","row":1,"number":3,"tierId":1,"status":"SOLD"},
                  {"seatId":101,"label":"Orchestra Row 1 Seat 1","section":"Orchestra","row":1,"number":1,"tierId":1,"status":"%s"},
                  {"seatId":104,"label":"Orchestra Row 1 Seat 4","section":"Orchestra","row":1,"number":4,"status":"AVAILABLE"}]}"""
                .formatted(version, seat101Status);
    }

    /** A box-office cash order of two Standing tickets paid with $60.00. */
    public static final String CASH_ORDER = """
            {"id":"ord-1","showId":21,"eventTitle":"Late Night Jazz","startsAt":"2026-07-16T00:30:00Z",
             "channel":"BOX_OFFICE","status":"PAID","customerName":"Cal Clerk","totalCents":5000,"changeDueCents":1000,
             "paymentMethod":"CASH","createdAt":"2026-07-15T16:00:05Z","tickets":[
              {"id":"t-1","code":"ABCDEFGHIJKLMNOPQRSTUVWXYZ","tierId":8,"tierName":"Standing","priceCents":2500,"status":"VALID"},
              {"id":"t-2","code":"BCDEFGHIJKLMNOPQRSTUVWXYZA","tierId":8,"tierName":"Standing","priceCents":2500,"status":"VALID"}]}""";

    private Fixtures() {
    }

    public static Session session(HttpClient http, URI server, Role role) {
        String name = switch (role) {
            case FAN -> "Fay Fan";
            case CLERK -> "Cal Clerk";
            case ADMIN -> "Ada Admin";
        };
        return new Session(new ServerApi(http, server).withToken("tok-1"),
                new UserView("u-1", role.name().toLowerCase() + "@marquee.test", name, role));
    }

    /** The listed show with this id, as the show list would hand it over. */
    public static ShowEntry entry(long showId) {
        try {
            List<EventSummary> events = Json.newMapper().readValue(EVENTS,
                    Json.newMapper().getTypeFactory().constructCollectionType(List.class, EventSummary.class));
            return new ShowListing(TIMES).entries(events).stream()
                    .filter(entry -> entry.showId() == showId).findFirst().orElseThrow();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keys k-1, k-2, ... so tests can tell attempts apart. */
    public static <R> RetrySafeRequest<R> countingKeys() {
        int[] next = {0};
        return new RetrySafeRequest<>(() -> "k-" + ++next[0]);
    }
}
