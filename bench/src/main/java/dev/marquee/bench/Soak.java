package dev.marquee.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code bench/run quick soak [MINUTES] [RATE]}: sales at 70 % of the optimized maximum (or RATE) with 1,000 WebSocket
 * clients watching, and beside them a trickle of sign-ins (some wrong), fan holds left to expire, and sales refunded
 * at once. Reports the server's heap after a full collection at the start and the end, the p99 of every minute,
 * and the row counts of the tables that only grow (those the retention sweep bounds among them).
 */
final class Soak {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> GROWING = List.of("sessions", "sign_in_attempts", "signup_buckets",
            "idempotency_keys", "holds", "orders", "refunds", "audit_log");
    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

    private Soak() {
    }

    static void run(Scenarios scenarios, int minutes, double fixedRate) throws Exception {
        Section.begin("soak");
        // Holds expire within the soak; the retention sweep runs every 10 s, so its work shows in the counts.
        Map<String, String> env = Map.of("MARQUEE_HOLD_TTL_SECONDS", "30", "MARQUEE_RETENTION_SWEEP_SECONDS", "10",
                "MARQUEE_SESSION_TTL_HOURS", "1");
        try (Scenarios.Stage stage = scenarios.stage("soak", "optimized", env)) {
            List<Seed.Show> shows;
            try (Connection sql = stage.sql()) {
                shows = Seed.gaShows(sql, 8, 2, 50_000_000);
            }
            OpenLoad.Requests sales = new Sales(stage.clerkToken, Sales.targets(shows), "soak-");
            double rate = fixedRate;
            if (rate <= 0) {
                // A cold server's sweep finds half its maximum: warm it as the main benchmark does first.
                stage.warmUp(1500, sales);
                double best = stage.sweep(1000, 6, sales).stream()
                        .mapToDouble(step -> step.result().acceptedPerSec()).max().orElse(1000);
                rate = 0.7 * best;
                System.out.printf("  optimized maximum %.0f/s: soaking at %.0f/s%n", best, rate);
            }
            try (PushProbe watchers = PushProbe.connect(scenarios.port(), shows.getFirst().id(), 1000);
                 Trickle trickle = new Trickle(scenarios.port(), stage.clerkToken, shows.get(1))) {
                System.out.printf("  %d WebSocket clients watching%n", watchers.connected());
                // Measured from a warm server: the first minute would otherwise time the JIT, not the soak.
                stage.warm(rate, 30, sales);
                long heapStart = heapAfterCollection(stage.server.pid());
                Map<String, Long> rowsStart = rows(stage);
                List<Double> p99 = new ArrayList<>();
                for (int minute = 1; minute <= minutes; minute++) {
                    LoadResult result = stage.load.run(rate, 60, sales);
                    p99.add(LoadResult.millis(result.accepted(), 99));
                    System.out.printf("  minute %2d: %s | trickle %s | rows %s%n", minute, result, trickle.counts(),
                            rows(stage));
                }
                long heapEnd = heapAfterCollection(stage.server.pid());
                Map<String, Long> rowsEnd = rows(stage);
                report(minutes, rate, heapStart, heapEnd, p99, rowsStart, rowsEnd);
            }
        }
    }

    private static void report(int minutes, double rate, long heapStart, long heapEnd, List<Double> p99,
                               Map<String, Long> rowsStart, Map<String, Long> rowsEnd) {
        int window = Math.min(5, Math.max(1, minutes / 2));
        double first = p99.subList(0, window).stream().mapToDouble(Double::doubleValue).max().orElse(0);
        double last = p99.subList(p99.size() - window, p99.size()).stream().mapToDouble(Double::doubleValue).max()
                .orElse(0);
        System.out.printf("%nSoak: %d minutes at %.0f sales/s, 1,000 clients watching%n", minutes, rate);
        System.out.printf("  heap after a full collection: start %,d KB, end %,d KB (%+.1f %%; target within 10 %%)%n",
                heapStart, heapEnd, 100.0 * (heapEnd - heapStart) / heapStart);
        System.out.printf("  p99 per minute (ms): %s%n", p99.stream().map(v -> String.format("%.1f", v)).toList());
        System.out.printf("  worst p99 of the last %d minutes %.1f ms vs the first %d %.1f ms: %.2fx (target <= 1.5x)%n",
                window, last, window, first, first == 0 ? 0 : last / first);
        System.out.println("  rows, start -> end:");
        rowsStart.forEach((table, start) -> System.out.printf("    %-18s %,12d -> %,12d%n", table, start,
                rowsEnd.get(table)));
    }

    private static Map<String, Long> rows(Scenarios.Stage stage) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection sql = stage.sql(); Statement statement = sql.createStatement()) {
            for (String table : GROWING) {
                try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + table)) {
                    rows.next();
                    counts.put(table, rows.getLong(1));
                }
            }
        }
        return counts;
    }

    /** The server's heap in use right after a full collection, in KB, asked with jcmd. */
    private static long heapAfterCollection(long pid) throws IOException, InterruptedException {
        jcmd(pid, "GC.run");
        Matcher used = HEAP_USED.matcher(jcmd(pid, "GC.heap_info"));
        if (!used.find()) {
            throw new IllegalStateException("jcmd GC.heap_info said no heap use");
        }
        return Long.parseLong(used.group(1));
    }

    private static String jcmd(long pid, String command) throws IOException, InterruptedException {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        Process process = new ProcessBuilder(jcmd, Long.toString(pid), command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return output;
    }

    /**
     * Once a second, on a thread of its own: a sign-in (every fifth with a wrong password), a fan's hold that is
     * never checked out (it expires), and a sale refunded at once.
     */
    private static final class Trickle implements AutoCloseable {

        /**
         * Sign-ins come from 64 loopback addresses in turn, as from the many machines of real fans: from one address,
         * every fifth sign-in wrong would pass the per-address failure limit within minutes and be delayed.
         */
        private static final int SIGN_IN_ADDRESSES = 64;

        private final HttpClient http = HttpClient.newHttpClient();
        private final Map<Integer, HttpClient> signInClients = new ConcurrentHashMap<>();
        private final int port;
        private final String clerk;
        private final Seed.Show show;
        private final Map<String, Integer> counts = new ConcurrentHashMap<>();
        private final Thread thread;
        private volatile boolean closed;

        Trickle(int port, String clerk, Seed.Show show) {
            this.port = port;
            this.clerk = clerk;
            this.show = show;
            this.thread = Thread.ofPlatform().name("soak-trickle").daemon().start(this::loop);
        }

        Map<String, Integer> counts() {
            return Map.copyOf(counts);
        }

        private void loop() {
            String fan = null;
            for (long second = 0; !closed; second++) {
                try {
                    boolean wrong = second % 5 == 0;
                    HttpResponse<String> login = send(signInClient((int) (second % SIGN_IN_ADDRESSES)),
                            "/api/auth/login", null, "{\"email\":\"fan@marquee.test\",\"password\":\""
                                    + (wrong ? "not-the-password" : "marquee-demo") + "\"}");
                    count("login " + login.statusCode());
                    if (login.statusCode() == 200) {
                        fan = JSON.readTree(login.body()).get("token").asText();
                    }
                    if (fan != null) {
                        count("hold " + post("/api/holds", fan, "{\"showId\":" + show.id() + ",\"items\":[{\"tierId\":"
                                + show.tierIds().getFirst() + ",\"quantity\":1}]}").statusCode());
                    }
                    HttpResponse<String> sale = post("/api/sales", clerk, "{\"showId\":" + show.id()
                            + ",\"items\":[{\"tierId\":" + show.tierIds().getFirst() + ",\"quantity\":1}],"
                            + "\"payment\":{\"method\":\"CARD\",\"cardNumber\":\"4242424242424242\"}}");
                    count("sale " + sale.statusCode());
                    if (sale.statusCode() == 201) {
                        JsonNode order = JSON.readTree(sale.body());
                        count("refund " + post("/api/orders/" + order.get("id").asText() + "/refund", clerk, "{}")
                                .statusCode());
                    }
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    count("error");
                }
            }
        }

        private void count(String what) {
            counts.merge(what, 1, Integer::sum);
        }

        private HttpClient signInClient(int address) {
            return signInClients.computeIfAbsent(address, a -> {
                try {
                    return HttpClient.newBuilder().localAddress(InetAddress.getByName("127.0.1." + (a + 1))).build();
                } catch (UnknownHostException e) {
                    throw new IllegalStateException(e);
                }
            });
        }

        private HttpResponse<String> post(String path, String token, String body) throws IOException,
                InterruptedException {
            return send(http, path, token, body);
        }

        private HttpResponse<String> send(HttpClient client, String path, String token, String body)
                throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
            if (token != null) {
                request.header("Authorization", "Bearer " + token)
                        .header("Idempotency-Key", UUID.randomUUID().toString());
            }
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        @Override
        public void close() throws InterruptedException {
            closed = true;
            thread.interrupt();
            thread.join(5000);
            http.close();
            signInClients.values().forEach(HttpClient::close);
        }
    }
}
