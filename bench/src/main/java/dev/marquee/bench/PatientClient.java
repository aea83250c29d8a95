package dev.marquee.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A client that does what the contract asks of one through an outage: each request keeps its Idempotency-Key and is
 * sent again after {@code Retry-After} (or half a second) while the answer is 503, 429, 409 IDEMPOTENCY_IN_PROGRESS or
 * no answer at all, until it gets a final answer or gives up after {@link #GIVE_UP_AFTER}. Requests start at a steady
 * rate, each on a virtual thread of its own, so a stalled one never holds up the next.
 */
final class PatientClient implements AutoCloseable {

    /** A request's final answer: its key, status, body and when it came (nanoTime). */
    record Answer(String key, int status, String body, long atNanos, int attempts) {
    }

    static final Duration GIVE_UP_AFTER = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).executor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor())
            .build();
    private final String baseUrl;
    private final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
    private final AtomicLong gaveUp = new AtomicLong();
    private final AtomicLong running = new AtomicLong();

    PatientClient(int port) {
        this.baseUrl = "http://localhost:" + port;
    }

    /** Starts {@code rate} requests a second for {@code seconds}; request {@code i} is {@code requests.make(i)}. */
    Thread start(double rate, double seconds, java.util.function.LongFunction<Request> requests) {
        return Thread.ofPlatform().name("patient-" + rate).start(() -> {
            long start = System.nanoTime();
            long count = (long) (rate * seconds);
            for (long i = 0; i < count; i++) {
                long due = start + (long) (i * 1e9 / rate);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    java.util.concurrent.locks.LockSupport.parkNanos(wait);
                }
                Request request = requests.apply(i);
                running.incrementAndGet();
                Thread.ofVirtual().start(() -> {
                    try {
                        send(request);
                    } finally {
                        running.decrementAndGet();
                    }
                });
            }
        });
    }

    /** A request to send until it has a final answer. */
    record Request(String key, String path, String token, String body) {
    }

    private void send(Request request) {
        long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
        HttpRequest http = HttpRequest.newBuilder(URI.create(baseUrl + request.path())).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + request.token()).header("Idempotency-Key", request.key())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(request.body())).build();
        for (int attempt = 1; System.nanoTime() < deadline; attempt++) {
            long pauseMillis = 500;
            try {
                HttpResponse<String> response = this.http.send(http, HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                boolean tryAgain = status == 503 || status == 429
                        || (status == 409 && response.body().contains("IDEMPOTENCY_IN_PROGRESS"));
                if (!tryAgain) {
                    answers.add(new Answer(request.key(), status, response.body(), System.nanoTime(), attempt));
                    return;
                }
                pauseMillis = response.headers().firstValue("Retry-After").map(s -> Long.parseLong(s) * 1000)
                        .orElse(500L);
            } catch (java.io.IOException e) {
                // No answer: the server may or may not have done it. The same key makes the retry safe.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try {
                Thread.sleep(pauseMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        gaveUp.incrementAndGet();
    }

    /** Waits until every started request has its final answer or has given up. */
    void awaitAll(Thread starter) throws InterruptedException {
        starter.join();
        while (running.get() > 0) {
            Thread.sleep(100);
        }
    }

    List<Answer> answers() {
        return List.copyOf(answers);
    }

    long gaveUp() {
        return gaveUp.get();
    }

    @Override
    public void close() {
        http.close();
    }
}
