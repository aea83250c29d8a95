package dev.marquee.server.observe;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marquee.server.testing.ApiClient;
import dev.marquee.server.testing.ApiResponse;
import dev.marquee.server.testing.LiveClient;
import dev.marquee.server.testing.Shows.Tier;
import dev.marquee.server.testing.Shows;
import dev.marquee.server.testing.TestServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code /observe/metrics}: what a Prometheus scrape sees after real bookings and pushes. */
class MetricsTest {

    private static final Map<String, Object> CARD = Map.of("method", "CARD", "cardNumber", "4242 4242 4242 4242");

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void bookingsAreCountedByKindAndOutcomeAndTimed() throws Exception {
        Shows.Show show = new Shows(server).ga(Tier.ga("GA", 1000, 2));
        ApiClient clerk = server.clerk();
        Map<String, String> before = scrape();

        ApiResponse sold = clerk.postOnce("/api/sales", Map.of("showId", show.id(),
                "items", List.of(Map.of("tierId", show.tier(0), "quantity", 2)), "payment", CARD));
        assertEquals(201, sold.status(), sold::toString);
        ApiResponse refused = clerk.postOnce("/api/sales", Map.of("showId", show.id(),
                "items", List.of(Map.of("tierId", show.tier(0), "quantity", 1)), "payment", CARD));
        assertEquals(409, refused.status(), refused::toString);
        ApiResponse held = server.fan().postOnce("/api/holds", Map.of("showId", show.id(),
                "items", List.of(Map.of("tierId", show.tier(0), "quantity", 1))));
        assertEquals(409, held.status(), held::toString);
        ApiResponse nothingToPay = server.fan().postOnce("/api/holds/" + UUID.randomUUID() + "/checkout",
                Map.of("payment", CARD));
        assertEquals(404, nothingToPay.status(), nothingToPay::toString);

        Map<String, String> after = scrape();
        assertEquals(1, delta(before, after, "marquee_bookings_total{kind=\"sale\",outcome=\"ok\"}"));
        assertEquals(1, delta(before, after, "marquee_bookings_total{kind=\"sale\",outcome=\"rejected\"}"));
        assertEquals(1, delta(before, after, "marquee_bookings_total{kind=\"hold\",outcome=\"rejected\"}"));
        assertEquals(1, delta(before, after, "marquee_bookings_total{kind=\"checkout\",outcome=\"rejected\"}"));
        assertEquals(2, delta(before, after, "marquee_booking_seconds_count{kind=\"sale\"}"));
        assertEquals(2, delta(before, after, "marquee_booking_seconds_bucket{kind=\"sale\",le=\"+Inf\"}"));
        assertTrue(delta(before, after, "marquee_pool_wait_seconds_count") >= 3, "every booking took a connection");
        assertEquals(0, Double.parseDouble(after.get("marquee_lane_queue_depth")));
        assertEquals(0, Double.parseDouble(after.get("marquee_pool_waiting_threads")));
    }

    @Test
    void pushesWrittenToClientsAreCounted() throws Exception {
        Shows.Show show = new Shows(server).ga(Tier.ga("GA", 1000, 10));
        Map<String, String> before = scrape();
        try (LiveClient live = LiveClient.connect(server).subscribe(show.id())) {
            await().atMost(Duration.ofSeconds(5)).until(() -> live.latest(show.id()) != null);
            server.fan().postOnce("/api/holds", Map.of("showId", show.id(),
                    "items", List.of(Map.of("tierId", show.tier(0), "quantity", 1))));
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> "availability".equals(live.latest(show.id()).get("type").asText()));
        }
        assertTrue(delta(before, scrape(), "marquee_pushes_sent_total") >= 2, "the snapshot and the push");
    }

    @Test
    void theScrapeIsPrometheusText() throws Exception {
        HttpResponse<String> scrape = get();
        assertEquals(200, scrape.statusCode());
        assertTrue(scrape.headers().firstValue("Content-Type").orElseThrow().startsWith("text/plain"));
        assertTrue(scrape.body().contains("# TYPE marquee_booking_seconds histogram\n"), scrape::body);
        assertTrue(scrape.body().contains("# TYPE marquee_bookings_total counter\n"), scrape::body);
        assertTrue(scrape.body().contains("# TYPE marquee_lane_queue_depth gauge\n"), scrape::body);
    }

    private static long delta(Map<String, String> before, Map<String, String> after, String series) {
        return Math.round(Double.parseDouble(after.getOrDefault(series, "0"))
                - Double.parseDouble(before.getOrDefault(series, "0")));
    }

    private static Map<String, String> scrape() throws IOException, InterruptedException {
        Map<String, String> values = new java.util.HashMap<>();
        Matcher line = Pattern.compile("(?m)^([^#\\s][^ ]*) (\\S+)$").matcher(get().body());
        while (line.find()) {
            values.put(withoutScope(line.group(1)), line.group(2));
        }
        return values;
    }

    /** A series as written in the tests: Helidon's {@code scope} label and the trailing comma dropped. */
    private static String withoutScope(String series) {
        String labels = series.replaceAll("scope=\"[^\"]*\",?", "").replace(",}", "}");
        return labels.endsWith("{}") ? labels.substring(0, labels.length() - 2) : labels;
    }

    private static HttpResponse<String> get() throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create(server.managementUrl() + "/observe/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }
}
