package dev.marquee.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.marquee.server.idempotency.Idempotency;
import dev.marquee.server.testing.ApiClient;
import dev.marquee.server.testing.ApiResponse;
import dev.marquee.server.testing.Shows.Tier;
import dev.marquee.server.testing.Shows;
import dev.marquee.server.testing.TestServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every route that takes a body, fed every kind of bad input: each answers the right 4xx in the contract's shape,
 * says nothing about the server's insides, and changes nothing in the database.
 */
class BadInputTest {

    /** Words that would mean a class name, SQL or a stack trace reached the caller. */
    private static final Pattern LEAK = Pattern.compile("(?i)exception|java\\.|javax\\.|com\\.fasterxml|jackson"
            + "|io\\.helidon|org\\.postgresql|dev\\.marquee|\\.java:\\d|\\bat [\\w.$]+\\(|sqlstate|psql|postgres"
            + "|select .* from|insert into|constraint|violates|syntax error|null pointer|\\bnull\\b.*\\bobject\\b");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final String JSON = "application/json";
    private static final String CARD = "{\"method\":\"CARD\",\"cardNumber\":\"4242424242424242\"}";

    enum Who { ANONYMOUS, FAN, OTHER_FAN, CLERK, ADMIN }

    /** A route; {placeholders} in the path are filled with the fixtures made in {@link #start()}. */
    record Route(String method, String path, Who caller, boolean idempotent, boolean bodyOptional) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    record Body(String name, byte[] bytes, String contentType, boolean chunked) {
        static Body json(String name, String text) {
            return new Body(name, text.getBytes(StandardCharsets.UTF_8), JSON, false);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static final Route SIGNUP = new Route("POST", "/api/auth/signup", Who.ANONYMOUS, false, false);
    private static final Route LOGIN = new Route("POST", "/api/auth/login", Who.ANONYMOUS, false, false);
    private static final Route HOLD = new Route("POST", "/api/holds", Who.FAN, true, false);
    private static final Route CHECKOUT = new Route("POST", "/api/holds/{hold}/checkout", Who.FAN, true, false);
    private static final Route SALE = new Route("POST", "/api/sales", Who.CLERK, true, false);
    private static final Route REFUND = new Route("POST", "/api/orders/{order}/refund", Who.CLERK, true, true);
    private static final Route VENUE = new Route("POST", "/api/admin/venues", Who.ADMIN, false, false);
    private static final Route EVENT = new Route("POST", "/api/admin/events", Who.ADMIN, false, false);
    private static final Route SHOW = new Route("POST", "/api/admin/events/{event}/shows", Who.ADMIN, false, false);
    private static final Route TIER = new Route("POST", "/api/admin/shows/{show}/tiers", Who.ADMIN, false, false);
    private static final Route TIER_PATCH = new Route("PATCH", "/api/admin/tiers/{tier}", Who.ADMIN, false, false);
    private static final Route SHOW_PATCH = new Route("PATCH", "/api/admin/shows/{show}", Who.ADMIN, false, false);
    private static final Route BLOCK = new Route("POST", "/api/admin/shows/{seated}/seats/block", Who.ADMIN, false, false);
    private static final Route UNBLOCK = new Route("POST", "/api/admin/shows/{seated}/seats/unblock", Who.ADMIN, false,
            false);
    private static final List<Route> BODY_ROUTES = List.of(SIGNUP, LOGIN, HOLD, CHECKOUT, SALE, REFUND, VENUE, EVENT,
            SHOW, TIER, TIER_PATCH, SHOW_PATCH, BLOCK, UNBLOCK);

    private static TestServer server;
    private static Map<Who, ApiClient> callers;
    private static Map<String, String> fixtures;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        Shows shows = new Shows(server);
        Shows.Show ga = shows.ga(Tier.ga("GA", 2500, 100));
        Shows.Show seated = shows.seated(2, 5, Tier.rows("Stalls", 4000, 1, 2));
        callers = Map.of(Who.ANONYMOUS, server.anonymous(), Who.FAN, server.fan(), Who.OTHER_FAN, server.fan(),
                Who.CLERK, server.clerk(), Who.ADMIN, server.admin());
        ApiResponse hold = callers.get(Who.FAN).postOnce("/api/holds",
                Map.of("showId", ga.id(), "items", List.of(Map.of("tierId", ga.tier(0), "quantity", 1))));
        ApiResponse sale = callers.get(Who.CLERK).postOnce("/api/sales", "{\"showId\":" + ga.id()
                + ",\"items\":[{\"tierId\":" + ga.tier(0) + ",\"quantity\":2}],\"payment\":" + CARD
                + ",\"customerName\":\"Walk-in\"}");
        assertEquals(201, hold.status(), hold::toString);
        assertEquals(201, sale.status(), sale::toString);
        fixtures = Map.of(
                "{hold}", hold.body().get("id").asText(),
                "{order}", sale.body().get("id").asText(),
                "{ticket}", sale.body().at("/tickets/0/id").asText(),
                "{show}", Long.toString(ga.id()),
                "{tier}", Long.toString(ga.tier(0)),
                "{seated}", Long.toString(seated.id()),
                "{seat}", Long.toString(shows.row(seated, 1).getFirst()),
                "{event}", Long.toString(server.number("SELECT event_id FROM shows WHERE id = ?", ga.id())),
                "{venue}", Long.toString(server.number("SELECT venue_id FROM shows WHERE id = ?", ga.id())));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    // ---- Bodies that are not a JSON object at all, on every route that reads one

    static Stream<Arguments> unreadableBodies() {
        List<Body> bodies = List.of(
                Body.json("malformed JSON", "{\"showId\": 1,"),
                Body.json("unterminated string", "{\"name\": \"abc"),
                Body.json("JSON array", "[{\"showId\": 1}]"),
                Body.json("JSON string", "\"hello\""),
                Body.json("JSON number", "12345678901234567890"),
                Body.json("JSON null", "null"),
                Body.json("two documents", "{} {}"),
                Body.json("duplicate key", "{\"name\": \"a\", \"name\": \"b\"}"),
                Body.json("single quotes", "{'name': 'a'}"),
                Body.json("comment", "/* hi */ {}"),
                Body.json("NaN", "{\"x\": NaN}"),
                Body.json("number of 2000 digits", "{\"x\": " + "9".repeat(2000) + "}"),
                Body.json("nested 3000 deep", "[".repeat(3000) + "]".repeat(3000)),
                new Body("invalid UTF-8", new byte[] {'{', '"', (byte) 0xff, (byte) 0xfe, '"', ':', '1', '}'}, JSON,
                        false));
        return cross(BODY_ROUTES, bodies);
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("unreadableBodies")
    void anUnreadableBodyIsAValidationFailure(Route route, Body body) {
        assertRefusedAndNothingChanged(route, body, 400, "VALIDATION_FAILED");
    }

    static Stream<Arguments> emptyBodies() {
        return cross(BODY_ROUTES.stream().filter(route -> !route.bodyOptional()).toList(),
                List.of(Body.json("no body", ""), Body.json("whitespace only", "  \n ")));
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("emptyBodies")
    void aMissingBodyIsAValidationFailure(Route route, Body body) {
        assertRefusedAndNothingChanged(route, body, 400, "VALIDATION_FAILED");
    }

    static Stream<Arguments> oversizedBodies() {
        String big = "{\"name\": \"" + "a".repeat(70 * 1024) + "\"}";
        return cross(BODY_ROUTES, List.of(Body.json("70 KiB with Content-Length", big),
                new Body("70 KiB chunked", big.getBytes(StandardCharsets.UTF_8), JSON, true),
                new Body("600 KiB chunked", ("[" + "1,".repeat(300 * 1024) + "1]").getBytes(StandardCharsets.UTF_8),
                        JSON, true)));
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("oversizedBodies")
    void aBodyOver64KiBIsPayloadTooLarge(Route route, Body body) {
        assertRefusedAndNothingChanged(route, body, 413, "PAYLOAD_TOO_LARGE");
    }

    static Stream<Arguments> wrongMediaTypes() {
        byte[] object = "{\"name\": \"x\"}".getBytes(StandardCharsets.UTF_8);
        return cross(BODY_ROUTES, List.of(
                new Body("text/plain", object, "text/plain", false),
                new Body("form encoded", "name=x".getBytes(StandardCharsets.UTF_8),
                        "application/x-www-form-urlencoded", false),
                new Body("XML", "<name>x</name>".getBytes(StandardCharsets.UTF_8), "application/xml", false),
                new Body("json-patch", object, "application/json-patch+json", false),
                new Body("unparseable content type", object, ";;;/", false),
                new Body("no content type", object, null, false)));
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("wrongMediaTypes")
    void aBodyThatIsNotJsonIsUnsupportedMediaType(Route route, Body body) {
        assertRefusedAndNothingChanged(route, body, 415, "UNSUPPORTED_MEDIA_TYPE");
    }

    // ---- Well-formed JSON objects with fields of the wrong type, out of range or missing

    static Stream<Arguments> wrongFields() {
        String items = "\"items\":[{\"tierId\":{tier},\"quantity\":1}]";
        return Stream.of(
                field(SIGNUP, "{\"email\": 12345, \"password\": \"long-enough\", \"displayName\": \"X\"}"),
                field(SIGNUP, "{\"email\": \"x@example.test\", \"password\": [\"long-enough\"], \"displayName\": \"X\"}"),
                field(SIGNUP, "{\"email\": \"x@example.test\", \"password\": true, \"displayName\": \"X\"}"),
                field(SIGNUP, "{\"email\": \"x@example.test\", \"password\": \"long-enough\", \"displayName\": {\"a\": 1}}"),
                field(SIGNUP, "{\"email\": null, \"password\": \"long-enough\", \"displayName\": \"X\"}"),
                field(SIGNUP, "{}"),
                field(LOGIN, "{\"email\": [\"x@example.test\"], \"password\": \"long-enough\"}"),
                field(LOGIN, "{\"email\": \"x@example.test\", \"password\": 12345678}"),
                field(LOGIN, "{\"email\": \"\", \"password\": \"long-enough\"}"),
                field(HOLD, "{\"showId\": \"{show}\", " + items + "}"),
                field(HOLD, "{\"showId\": {show}.5, " + items + "}"),
                field(HOLD, "{\"showId\": 1e400, " + items + "}"),
                field(HOLD, "{\"showId\": 99999999999999999999999, " + items + "}"),
                field(HOLD, "{\"showId\": -1, " + items + "}"),
                field(HOLD, "{\"showId\": 0, " + items + "}"),
                field(HOLD, "{\"showId\": true, " + items + "}"),
                field(HOLD, "{" + items + "}"),
                field(HOLD, "{\"showId\": {show}, \"items\": [{\"tierId\": {tier}, \"quantity\": 2147483648}]}"),
                field(HOLD, "{\"showId\": {show}, \"items\": [{\"tierId\": {tier}, \"quantity\": 1e10}]}"),
                field(HOLD, "{\"showId\": {show}, \"items\": [{\"tierId\": {tier}, \"quantity\": -1}]}"),
                field(HOLD, "{\"showId\": {show}, \"items\": [{\"tierId\": {tier}, \"quantity\": 0}]}"),
                field(HOLD, "{\"showId\": {show}, \"items\": [{\"tierId\": {tier}, \"quantity\": 11}]}"),
                field(HOLD, "{\"showId\": {show}, \"items\": [{\"tierId\": {tier}, \"quantity\": 2.5}]}"),
                field(HOLD, "{\"showId\": {show}, \"items\": [{\"tierId\": {tier}, \"quantity\": \"2\"}]}"),
                field(HOLD, "{\"showId\": {show}, \"items\": [{\"tierId\": {tier}}]}"),
                field(HOLD, "{\"showId\": {show}, \"items\": [{\"tierId\": 9223372036854775808, \"quantity\": 1}]}"),
                field(HOLD, "{\"showId\": {show}, \"items\": [{\"tierId\": {tier}, \"quantity\": 1},"
                        + " {\"tierId\": {tier}, \"quantity\": 1}]}"),
                field(HOLD, "{\"showId\": {show}, \"items\": []}"),
                field(HOLD, "{\"showId\": {show}, \"items\": {}}"),
                field(HOLD, "{\"showId\": {show}, \"items\": \"all\"}"),
                field(HOLD, "{\"showId\": {show}, \"items\": [null]}"),
                field(HOLD, "{\"showId\": {show}}"),
                field(HOLD, "{\"showId\": {seated}, \"seatIds\": [{seat}], " + items + "}"),
                field(HOLD, "{\"showId\": {seated}, \"seatIds\": [{seat}, {seat}]}"),
                field(HOLD, "{\"showId\": {seated}, \"seatIds\": [1,2,3,4,5,6,7,8,9,10,11]}"),
                field(HOLD, "{\"showId\": {seated}, \"seatIds\": [-5]}"),
                field(HOLD, "{\"showId\": {seated}, \"seatIds\": [\"A1\"]}"),
                field(HOLD, "{\"showId\": {seated}, \"seatIds\": []}"),
                field(CHECKOUT, "{}"),
                field(CHECKOUT, "{\"payment\": \"CARD\"}"),
                field(CHECKOUT, "{\"payment\": {\"method\": \"BITCOIN\", \"cardNumber\": \"4242424242424242\"}}"),
                field(CHECKOUT, "{\"payment\": {\"method\": \"CARD\", \"cardNumber\": 4242424242424242}}"),
                field(CHECKOUT, "{\"payment\": {\"method\": \"CARD\", \"cardNumber\": \"not a card\"}}"),
                field(CHECKOUT, "{\"payment\": {\"method\": \"CARD\"}}"),
                field(CHECKOUT, "{\"payment\": {\"cardNumber\": \"4242424242424242\"}}"),
                field(CHECKOUT, "{\"payment\": " + CARD + ", \"customerName\": 42}"),
                field(CHECKOUT, "{\"payment\": " + CARD + ", \"customerName\": \"" + "x".repeat(201) + "\"}"),
                field(SALE, "{\"showId\": {show}, " + items + "}"),
                field(SALE, "{\"showId\": {show}, " + items + ", \"payment\": {\"method\": \"CASH\", \"tenderedCents\": 1e400}}"),
                field(SALE, "{\"showId\": {show}, " + items
                        + ", \"payment\": {\"method\": \"CASH\", \"tenderedCents\": 99999999999999999999}}"),
                field(SALE, "{\"showId\": {show}, " + items + ", \"payment\": {\"method\": \"CASH\", \"tenderedCents\": -1}}"),
                field(SALE, "{\"showId\": {show}, " + items + ", \"payment\": {\"method\": \"CASH\", \"tenderedCents\": \"100\"}}"),
                field(SALE, "{\"showId\": {show}, \"items\": [{\"tierId\": {tier}, \"quantity\": 0}], \"payment\": " + CARD + "}"),
                field(SALE, "{\"showId\": \"all\", " + items + ", \"payment\": " + CARD + "}"),
                field(REFUND, "{\"ticketIds\": \"all\"}"),
                field(REFUND, "{\"ticketIds\": [1, 2]}"),
                field(REFUND, "{\"ticketIds\": []}"),
                field(REFUND, "{\"ticketIds\": [\"not-a-uuid\"]}"),
                field(REFUND, "{\"ticketIds\": [null]}"),
                field(REFUND, "{\"ticketIds\": [\"{ticket}\", \"{ticket}\"]}"),
                field(VENUE, "{\"name\": \"V\", \"sections\": [{\"name\": \"A\", \"rows\": 1e10, \"seatsPerRow\": 10}]}"),
                field(VENUE, "{\"name\": \"V\", \"sections\": [{\"name\": \"A\", \"rows\": 99999999999, \"seatsPerRow\": 10}]}"),
                field(VENUE, "{\"name\": \"V\", \"sections\": [{\"name\": \"A\", \"rows\": 0, \"seatsPerRow\": 10}]}"),
                field(VENUE, "{\"name\": \"V\", \"sections\": [{\"name\": \"A\", \"rows\": 2, \"seatsPerRow\": \"10\"}]}"),
                field(VENUE, "{\"name\": \"V\", \"sections\": {}}"),
                field(VENUE, "{\"name\": 7, \"sections\": [{\"name\": \"A\", \"rows\": 2, \"seatsPerRow\": 2}]}"),
                field(VENUE, "{\"sections\": [{\"name\": \"A\", \"rows\": 2, \"seatsPerRow\": 2}]}"),
                field(EVENT, "{\"title\": 5}"),
                field(EVENT, "{\"title\": \"\"}"),
                field(EVENT, "{\"title\": \"   \"}"),
                field(EVENT, "{\"title\": \"" + "x".repeat(201) + "\"}"),
                field(EVENT, "{\"title\": \"Fine\", \"description\": 42}"),
                field(EVENT, "{\"title\": \"Nul\\u0000byte\"}"),
                field(SHOW, "{\"venueId\": {venue}, \"startsAt\": \"tomorrow\", \"seatingMode\": \"GA\"}"),
                field(SHOW, "{\"venueId\": {venue}, \"startsAt\": \"2027-13-45T99:00:00Z\", \"seatingMode\": \"GA\"}"),
                field(SHOW, "{\"venueId\": {venue}, \"startsAt\": \"2027-01-01T20:00:00Z\", \"seatingMode\": \"STANDING\"}"),
                field(SHOW, "{\"venueId\": 1.5, \"startsAt\": \"2027-01-01T20:00:00Z\", \"seatingMode\": \"GA\"}"),
                field(SHOW, "{\"venueId\": {venue}, \"seatingMode\": \"GA\"}"),
                field(TIER, "{\"name\": \"T\", \"priceCents\": -1, \"capacity\": 10}"),
                field(TIER, "{\"name\": \"T\", \"priceCents\": 2147483648, \"capacity\": 10}"),
                field(TIER, "{\"name\": \"T\", \"priceCents\": 10.5, \"capacity\": 10}"),
                field(TIER, "{\"name\": \"T\", \"priceCents\": 1000, \"capacity\": \"10\"}"),
                field(TIER, "{\"name\": \"T\", \"priceCents\": 1000, \"capacity\": -1}"),
                field(TIER, "{\"priceCents\": 1000, \"capacity\": 10}"),
                field(TIER_PATCH, "{\"priceCents\": 1.5}"),
                field(TIER_PATCH, "{\"capacity\": 1e12}"),
                field(TIER_PATCH, "{\"priceCents\": \"free\"}"),
                field(TIER_PATCH, "{\"priceCents\": -100}"),
                field(TIER_PATCH, "{}"),
                field(SHOW_PATCH, "{\"onSale\": \"yes\"}"),
                field(SHOW_PATCH, "{\"onSale\": 1}"),
                field(SHOW_PATCH, "{\"onSale\": null}"),
                field(SHOW_PATCH, "{}"),
                field(SHOW_PATCH, "{\"waitingRoom\": \"MAYBE\"}"),
                field(SHOW_PATCH, "{\"waitingRoom\": \"on\"}"),
                field(SHOW_PATCH, "{\"waitingRoom\": 1}"),
                field(SHOW_PATCH, "{\"waitingRoom\": null}"),
                field(SHOW_PATCH, "{\"onSaleAt\": \"tomorrow\"}"),
                field(SHOW_PATCH, "{\"onSaleAt\": 1700000000}"),
                field(SHOW_PATCH, "{\"onSaleAt\": \"2027-13-45T00:00:00Z\"}"),
                field(SHOW_PATCH, "{\"onSaleAt\": true}"),
                field(SHOW_PATCH, "{\"maxTicketsPerAccount\": 0}"),
                field(SHOW_PATCH, "{\"maxTicketsPerAccount\": -1}"),
                field(SHOW_PATCH, "{\"maxTicketsPerAccount\": 1001}"),
                field(SHOW_PATCH, "{\"maxTicketsPerAccount\": 10.5}"),
                field(SHOW_PATCH, "{\"maxTicketsPerAccount\": \"10\"}"),
                field(SHOW_PATCH, "{\"onSale\": false, \"maxTicketsPerAccount\": 0}"),
                field(BLOCK, "{\"seatIds\": \"{seat}\", \"reason\": \"broken\"}"),
                field(BLOCK, "{\"seatIds\": [{seat}], \"reason\": 5}"),
                field(BLOCK, "{\"seatIds\": [], \"reason\": \"broken\"}"),
                field(BLOCK, "{\"seatIds\": [9223372036854775808], \"reason\": \"broken\"}"),
                field(UNBLOCK, "{\"seatIds\": [{seat}, {seat}]}"));
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("wrongFields")
    void aFieldOfTheWrongTypeOrOutOfRangeIsAValidationFailure(Route route, Body body) {
        assertRefusedAndNothingChanged(route, body, 400, "VALIDATION_FAILED");
    }

    // ---- Idempotency-Key, sign-in and role, checked before the body

    static Stream<Arguments> badIdempotencyKeys() {
        String hold = "{\"showId\": {show}, \"items\": [{\"tierId\": {tier}, \"quantity\": 1}]}";
        String sale = "{\"showId\": {show}, \"items\": [{\"tierId\": {tier}, \"quantity\": 1}], \"payment\": " + CARD + "}";
        Map<Route, String> bodies = Map.of(HOLD, hold, CHECKOUT, "{\"payment\": " + CARD + "}", SALE, sale,
                REFUND, "{}");
        List<Arguments> cases = new ArrayList<>();
        bodies.forEach((route, body) -> {
            cases.add(Arguments.of(route, body, null));
            cases.add(Arguments.of(route, body, ""));
            cases.add(Arguments.of(route, body, "k".repeat(256)));
        });
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} with key {2}")
    @MethodSource("badIdempotencyKeys")
    void aMissingOrOverlongIdempotencyKeyIsAValidationFailure(Route route, String body, String key) {
        Map<String, Object> before = state();
        List<String> headers = new ArrayList<>(List.of("Content-Type", JSON));
        if (key != null) {
            headers.addAll(List.of("Idempotency-Key", key));
        }

        ApiResponse answer = send(route, callers.get(route.caller()), fill(body).getBytes(StandardCharsets.UTF_8),
                false, headers);

        assertContractError(answer, 400, "VALIDATION_FAILED", route + " key=" + key);
        assertEquals(before, state(), "nothing changed");
    }

    static Stream<Arguments> strangers() {
        String hold = "{\"showId\": {show}, \"items\": [{\"tierId\": {tier}, \"quantity\": 1}]}";
        String sale = "{\"showId\": {show}, \"items\": [{\"tierId\": {tier}, \"quantity\": 1}], \"payment\": " + CARD + "}";
        return Stream.of(
                Arguments.of(HOLD, Who.ANONYMOUS, hold, 401, "UNAUTHORIZED"),
                Arguments.of(CHECKOUT, Who.ANONYMOUS, "{\"payment\": " + CARD + "}", 401, "UNAUTHORIZED"),
                Arguments.of(SALE, Who.ANONYMOUS, sale, 401, "UNAUTHORIZED"),
                Arguments.of(EVENT, Who.ANONYMOUS, "{\"title\": \"T\"}", 401, "UNAUTHORIZED"),
                Arguments.of(SALE, Who.FAN, sale, 403, "FORBIDDEN"),
                Arguments.of(REFUND, Who.FAN, "{}", 403, "FORBIDDEN"),
                Arguments.of(EVENT, Who.FAN, "{\"title\": \"T\"}", 403, "FORBIDDEN"),
                Arguments.of(EVENT, Who.CLERK, "{\"title\": \"T\"}", 403, "FORBIDDEN"),
                Arguments.of(TIER_PATCH, Who.CLERK, "{\"priceCents\": 1}", 403, "FORBIDDEN"),
                Arguments.of(SHOW_PATCH, Who.CLERK, "{\"onSale\": false}", 403, "FORBIDDEN"),
                Arguments.of(BLOCK, Who.CLERK, "{\"seatIds\": [{seat}], \"reason\": \"x\"}", 403, "FORBIDDEN"),
                Arguments.of(CHECKOUT, Who.OTHER_FAN, "{\"payment\": " + CARD + "}", 404, "NOT_FOUND"),
                Arguments.of(new Route("DELETE", "/api/holds/{hold}", Who.OTHER_FAN, false, true), Who.OTHER_FAN,
                        null, 404, "NOT_FOUND"),
                Arguments.of(new Route("GET", "/api/holds/{hold}", Who.OTHER_FAN, false, true), Who.OTHER_FAN,
                        null, 404, "NOT_FOUND"),
                Arguments.of(new Route("GET", "/api/orders/{order}", Who.FAN, false, true), Who.FAN,
                        null, 404, "NOT_FOUND"),
                Arguments.of(new Route("GET", "/api/admin/venues", Who.CLERK, false, true), Who.CLERK,
                        null, 403, "FORBIDDEN"));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("strangers")
    void aCallerWithoutTheRightIsRefusedAndNothingChanges(Route route, Who who, String body, int status, String code) {
        Map<String, Object> before = state();

        ApiResponse answer = send(route, callers.get(who),
                body == null ? null : fill(body).getBytes(StandardCharsets.UTF_8), false,
                List.of("Content-Type", JSON, "Idempotency-Key", UUID.randomUUID().toString()));

        assertContractError(answer, status, code, route + " as " + who);
        assertEquals(before, state(), "nothing changed");
    }

    // ---- Helpers

    private static void assertRefusedAndNothingChanged(Route route, Body body, int status, String code) {
        Map<String, Object> before = state();
        List<String> headers = new ArrayList<>();
        if (body.contentType() != null) {
            headers.addAll(List.of("Content-Type", body.contentType()));
        }
        if (route.idempotent()) {
            headers.addAll(List.of("Idempotency-Key", UUID.randomUUID().toString()));
        }

        ApiResponse answer = send(route, callers.get(route.caller()), fill(body.bytes()), body.chunked(), headers);

        assertContractError(answer, status, code, route + " with " + body);
        assertEquals(before, state(), route + " with " + body + " changed nothing");
    }

    /** The contract's error shape, with nothing internal in it. */
    static void assertContractError(ApiResponse answer, int status, String code, String context) {
        assertEquals(status, answer.status(), context + ": " + answer);
        assertEquals(code, answer.error(), context + ": " + answer);
        assertTrue(answer.header("Content-Type").startsWith(JSON), context + ": " + answer.headers());
        Set<String> fields = new HashSet<>();
        answer.body().fieldNames().forEachRemaining(fields::add);
        assertTrue(Set.of("error", "message", "details").containsAll(fields), context + ": " + answer);
        assertTrue(answer.body().get("message").isTextual(), context + ": " + answer);
        assertFalse(answer.body().get("message").asText().isBlank(), context + ": " + answer);
        assertFalse(LEAK.matcher(answer.body().toString()).find(), context + " leaks internals: " + answer);
    }

    /** Row counts and every counter that a request could change. */
    private static Map<String, Object> state() {
        return server.query("""
                SELECT (SELECT count(*) FROM users) AS users,
                       (SELECT count(*) FROM sessions) AS sessions,
                       (SELECT count(*) FROM sign_in_attempts) AS sign_in_attempts,
                       (SELECT count(*) FROM signup_buckets) AS signup_buckets,
                       (SELECT count(*) FROM venues) AS venues,
                       (SELECT count(*) FROM venue_seats) AS venue_seats,
                       (SELECT count(*) FROM events) AS events,
                       (SELECT string_agg(id || ':' || on_sale || ':' || version, ',' ORDER BY id) FROM shows) AS shows,
                       (SELECT string_agg(id || ':' || price_cents || ':' || capacity || ':' || held || ':' || sold, ','
                               ORDER BY id) FROM tiers) AS tiers,
                       (SELECT string_agg(seat_id || ':' || status, ',' ORDER BY show_id, seat_id) FROM show_seats)
                           AS seats,
                       (SELECT string_agg(id || ':' || status, ',' ORDER BY id) FROM holds) AS holds,
                       (SELECT string_agg(id || ':' || status || ':' || total_cents, ',' ORDER BY id) FROM orders)
                           AS orders,
                       (SELECT string_agg(id || ':' || status, ',' ORDER BY id) FROM tickets) AS tickets,
                       (SELECT count(*) FROM refunds) AS refunds,
                       (SELECT count(*) FROM audit_log) AS audit_log,
                       -- A refused request may leave its 4xx answer under its key, to be replayed; nothing more.
                       (SELECT count(*) FROM idempotency_keys WHERE response_status IS NULL OR response_status < 400)
                           AS idempotency_keys""").getFirst();
    }

    private static ApiResponse send(Route route, ApiClient caller, byte[] body, boolean chunked, List<String> headers) {
        BodyPublisher publisher = body == null ? BodyPublishers.noBody()
                : chunked ? BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                : BodyPublishers.ofByteArray(body);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + fill(route.path())))
                .timeout(Duration.ofSeconds(60))
                .method(route.method(), publisher);
        if (caller.token() != null) {
            request.header("Authorization", "Bearer " + caller.token());
        }
        for (int i = 0; i < headers.size(); i += 2) {
            request.header(headers.get(i), headers.get(i + 1));
        }
        try {
            HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new ApiResponse(response.statusCode(), parse(response.body()), response.headers());
        } catch (IOException e) {
            throw new AssertionError(route + ": the server did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The answer as JSON; a body that is not JSON becomes a text node, so the shape assertions show it. */
    private static JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return MissingNode.getInstance();
        }
        try {
            return ApiClient.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            return TextNode.valueOf(new String(body, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String fill(String text) {
        String filled = text;
        for (Map.Entry<String, String> fixture : fixtures.entrySet()) {
            filled = filled.replace(fixture.getKey(), fixture.getValue());
        }
        return filled;
    }

    /** Fills placeholders in a body that is UTF-8; other bytes (the invalid UTF-8 case) go as they are. */
    private static byte[] fill(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        return Arrays.equals(text.getBytes(StandardCharsets.UTF_8), bytes)
                ? fill(text).getBytes(StandardCharsets.UTF_8) : bytes;
    }

    private static Arguments field(Route route, String json) {
        return Arguments.of(route, Body.json(json.length() > 90 ? json.substring(0, 90) + "..." : json, json));
    }

    private static Stream<Arguments> cross(List<Route> routes, List<Body> bodies) {
        return routes.stream().flatMap(route -> bodies.stream().map(body -> Arguments.of(route, body)));
    }
}
