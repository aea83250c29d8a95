package dev.marquee.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a fan's client does to buy one ticket: hold it, then pay by card. Told to try again (429), it waits the
 * {@code Retry-After} and tries again, as a person would; sent to the line while its admission is on its way, it
 * tries again shortly. At most {@code connections} fans talk to the server at once, each on a keep-alive connection.
 */
final class OnSaleBuyer {

    /** How one fan's attempt ended. */
    enum End { BOUGHT, SOLD_OUT, GAVE_UP }

    /** The end and when it came, in nanoseconds since the epoch. */
    record Outcome(End end, long atEpochNanos) {
    }

    private static final Duration GIVE_UP_AFTER = Duration.ofSeconds(120);
    private static final String CARD = "{\"payment\":{\"method\":\"CARD\",\"cardNumber\":\"4242424242424242\"}}";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String base;
    private final Semaphore connections;
    private final AtomicLong refused = new AtomicLong();

    OnSaleBuyer(int port, int connections) {
        this.base = "http://localhost:" + port;
        this.connections = new Semaphore(connections);
    }

    /** 429 answers heard so far. */
    long refused() {
        return refused.get();
    }

    /** Buys one ticket of the tier for the fan; answers how that ended. */
    Outcome buy(OnSaleFans.Fan fan, long showId, long tierId) throws InterruptedException {
        String hold = "{\"showId\":" + showId + ",\"items\":[{\"tierId\":" + tierId + ",\"quantity\":1}]}";
        // One key for every try: "try again" answers are not stored against it, so a retry is the same request, and
        // a hold whose answer was lost is answered again rather than made twice.
        String holdKey = UUID.randomUUID().toString();
        long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> held = post(fan, "/api/holds", holdKey, hold);
            if (held == null || held.statusCode() >= 500) {
                Thread.sleep(200);
            } else if (held.statusCode() == 201) {
                String holdId = field(held.body(), "id");
                String payKey = UUID.randomUUID().toString();
                HttpResponse<String> paid = post(fan, "/api/holds/" + holdId + "/checkout", payKey, CARD);
                while (paid == null || paid.statusCode() == 429 || paid.statusCode() >= 500) {
                    Thread.sleep(200);
                    paid = post(fan, "/api/holds/" + holdId + "/checkout", payKey, CARD);
                }
                return new Outcome(paid.statusCode() == 201 ? End.BOUGHT : End.GAVE_UP, nowEpochNanos());
            } else if (held.statusCode() == 429) {
                Thread.sleep(1000L * Long.parseLong(held.headers().firstValue("Retry-After").orElse("1")));
            } else if (held.body().contains("INSUFFICIENT_INVENTORY")) {
                return new Outcome(End.SOLD_OUT, nowEpochNanos());
            } else if (held.body().contains("QUEUE_REQUIRED")) {
                Thread.sleep(100);
            } else {
                return new Outcome(End.GAVE_UP, nowEpochNanos());
            }
        }
        return new Outcome(End.GAVE_UP, nowEpochNanos());
    }

    /** One request on one of the connections; null when it could not be sent or answered. */
    private HttpResponse<String> post(OnSaleFans.Fan fan, String path, String key, String body)
            throws InterruptedException {
        connections.acquire();
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + fan.token())
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", key)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() == 429) {
                refused.incrementAndGet();
            }
            return answer;
        } catch (IOException e) {
            return null;
        } finally {
            connections.release();
        }
    }

    private static String field(String json, String name) {
        int start = json.indexOf("\"" + name + "\":\"") + name.length() + 4;
        return json.substring(start, json.indexOf('"', start));
    }

    static long nowEpochNanos() {
        java.time.Instant now = java.time.Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}
