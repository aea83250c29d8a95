package dev.marquee.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * {@code bench/run quick logins [SECONDS] [LOGINS_PER_SEC]}: a fan's hold latency with and without a flood of
 * sign-ins, side by side on one server. Sign-ins hash passwords (bcrypt, cost 10); a fan holding and releasing two
 * tickets at 20 a second is what should not notice.
 */
final class LoginFlood {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double HOLDS_PER_SEC = 20;

    private LoginFlood() {
    }

    static void run(Scenarios scenarios, double seconds, double loginsPerSec) throws Exception {
        Section.begin("logins");
        try (Scenarios.Stage stage = scenarios.stage("logins", "optimized", Map.of("MARQUEE_PASSWORD_COST", "10"))) {
            Seed.Show show;
            try (Connection sql = stage.sql()) {
                show = Seed.gaShows(sql, 1, 1, 1_000_000).getFirst();
            }
            String fan = Tokens.login(scenarios.port(), "fan@marquee.test");
            try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
                holds(http, scenarios.port(), fan, show, seconds / 2, null);
                Histogram quiet = holds(http, scenarios.port(), fan, show, seconds, null);
                Map<Integer, LongAdder> logins = new ConcurrentHashMap<>();
                Histogram flooded = holds(http, scenarios.port(), fan, show, seconds,
                        new Flood(http, scenarios.port(), loginsPerSec, logins));
                System.out.printf("%nA fan's hold (and its release), %.0f a second, %.0f s each:%n", HOLDS_PER_SEC, seconds);
                System.out.printf("  %-34s p50 %6.1f ms  p99 %6.1f ms  max %6.1f ms%n", "without sign-ins",
                        ms(quiet, 50), ms(quiet, 99), quiet.getMaxValue() / 1e3);
                System.out.printf("  %-34s p50 %6.1f ms  p99 %6.1f ms  max %6.1f ms%n",
                        "with " + (int) loginsPerSec + " sign-ins a second", ms(flooded, 50), ms(flooded, 99),
                        flooded.getMaxValue() / 1e3);
                System.out.println("  sign-in answers during the flood: " + logins);
            }
        }
    }

    /** Sign-ins at a fixed rate on threads of their own while it is open. */
    private record Flood(HttpClient http, int port, double perSec, Map<Integer, LongAdder> answers) {

        ExecutorService start() {
            ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
            Thread.ofPlatform().daemon().start(() -> {
                long interval = (long) (1e9 / perSec);
                long next = System.nanoTime();
                while (!senders.isShutdown()) {
                    try {
                        senders.submit(this::signIn);
                    } catch (RejectedExecutionException stopped) {
                        return;
                    }
                    next += interval;
                    long sleep = next - System.nanoTime();
                    if (sleep > 0) {
                        try {
                            Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }
            });
            return senders;
        }

        private void signIn() {
            try {
                int status = http.send(post(port, "/api/auth/login", null,
                        "{\"email\":\"clerk@marquee.test\",\"password\":\"marquee-demo\"}"),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                answers.computeIfAbsent(status, s -> new LongAdder()).increment();
            } catch (Exception e) {
                answers.computeIfAbsent(0, s -> new LongAdder()).increment();
            }
        }
    }

    private static Histogram holds(HttpClient http, int port, String token, Seed.Show show, double seconds,
                                   Flood flood) throws Exception {
        Histogram micros = new ConcurrentHistogram(3);
        ExecutorService senders = flood == null ? null : flood.start();
        try {
            long interval = (long) (1e9 / HOLDS_PER_SEC);
            long end = System.nanoTime() + (long) (seconds * 1e9);
            long next = System.nanoTime();
            String body = "{\"showId\":" + show.id() + ",\"items\":[{\"tierId\":" + show.tierIds().getFirst()
                    + ",\"quantity\":2}]}";
            while (System.nanoTime() < end) {
                long started = System.nanoTime();
                HttpResponse<String> hold = http.send(post(port, "/api/holds", token, body),
                        HttpResponse.BodyHandlers.ofString());
                micros.recordValue((System.nanoTime() - started) / 1000);
                if (hold.statusCode() == 201) {
                    JsonNode held = JSON.readTree(hold.body());
                    http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/holds/"
                            + held.get("id").asText())).header("Authorization", "Bearer " + token).DELETE().build(),
                            HttpResponse.BodyHandlers.discarding());
                }
                next += interval;
                long sleep = next - System.nanoTime();
                if (sleep > 0) {
                    Thread.sleep(Duration.ofNanos(sleep));
                }
            }
        } finally {
            if (senders != null) {
                senders.shutdown();
                senders.awaitTermination(30, TimeUnit.SECONDS);
            }
        }
        return micros;
    }

    private static HttpRequest post(int port, String path, String token, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token).header("Idempotency-Key", UUID.randomUUID().toString());
        }
        return request.build();
    }

    private static double ms(Histogram micros, double percentile) {
        return micros.getValueAtPercentile(percentile) / 1e3;
    }
}
