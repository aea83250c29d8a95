package dev.marquee.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Losing the database primary under load: box-office sales and fans' holds at a steady rate against a server on a
 * primary with a synchronous standby ({@code bin/pg-pair}); the primary is killed ({@code kill -9} of all its
 * processes), and {@link #PROMOTE_AFTER_MILLIS} later the standby is promoted, as a failover manager would. Every
 * client retries with its Idempotency-Key until it has a final answer. Writes {@code bench/target/failover.json}.
 */
final class Failover {

    private static final double LOAD_SECONDS = 30;
    private static final long KILL_AFTER_MILLIS = 10_000;
    /** How long the failover manager takes to decide the primary is gone and promote the standby. */
    private static final long PROMOTE_AFTER_MILLIS = 2_000;
    private static final double HOLDS_PER_SECOND = 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private Failover() {
    }

    static void run(Path root, Path jar, Path log, Path out, double salesPerSecond) throws Exception {
        Section.begin("failover");
        Path dir = Files.createTempDirectory("marquee-failover-");
        Files.delete(dir);
        try (PgPair pair = PgPair.start(root, dir)) {
            System.out.println("  primary and synchronous standby: " + pair.jdbcUrl());
            int port = FreePort.find();
            try (ServerProcess server = ServerProcess.start(jar, pair.jdbcUrl(), "optimized", port, FreePort.find(),
                    Map.of("MARQUEE_HOLD_TTL_SECONDS", "5"), log)) {
                Seed.Show show;
                try (Connection sql = DriverManager.getConnection(pair.jdbcUrl(), "postgres", "")) {
                    show = Seed.gaShows(sql, 1, 2, 50_000_000).getFirst();
                }
                ObjectNode result = drive(pair, port, show, salesPerSecond);
                Files.writeString(out.resolve("failover.json"),
                        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(result));
                System.out.println("  " + result.toString());
            }
        }
    }

    private static ObjectNode drive(PgPair pair, int port, Seed.Show show, double salesPerSecond) throws Exception {
        String clerk = Tokens.login(port, "clerk@marquee.test");
        String fan = Tokens.login(port, "fan@marquee.test");
        long tier = show.tierIds().getFirst();
        try (PatientClient warmUp = new PatientClient(port)) {
            warmUp.awaitAll(warmUp.start(salesPerSecond, 5, i -> sale(clerk, show.id(), tier, "warm-" + i)));
        }
        try (PatientClient sales = new PatientClient(port); PatientClient holds = new PatientClient(port)) {
            long start = System.nanoTime();
            Thread selling = sales.start(salesPerSecond, LOAD_SECONDS, i -> sale(clerk, show.id(), tier, "sale-" + i));
            Thread holding = holds.start(HOLDS_PER_SECOND, LOAD_SECONDS, i -> new PatientClient.Request("hold-" + i,
                    "/api/holds", fan, "{\"showId\":" + show.id() + ",\"items\":[{\"tierId\":"
                            + show.tierIds().get(1) + ",\"quantity\":1}]}"));
            Thread.sleep(KILL_AFTER_MILLIS);
            long killed = System.nanoTime();
            pair.killPrimary();
            System.out.printf("  primary killed %.1f s into the load%n", (killed - start) / 1e9);
            Thread.sleep(PROMOTE_AFTER_MILLIS);
            pair.promote();
            long promoted = System.nanoTime();
            System.out.printf("  standby promoted %.1f s after the kill%n", (promoted - killed) / 1e9);
            sales.awaitAll(selling);
            holds.awaitAll(holding);
            // Every sale once more with its key, as a client that never heard its answer would: each must be a
            // replay of the order it made, across the failover.
            List<String> keys = sales.answers().stream().map(PatientClient.Answer::key).toList();
            try (PatientClient retries = new PatientClient(port)) {
                retries.awaitAll(retries.start(1_000, keys.size() / 1_000.0,
                        i -> sale(clerk, show.id(), tier, keys.get((int) i))));
                // Holds live 5 s and the sweep runs every second: 8 s on, every hold is well past its expiry.
                Thread.sleep(8_000);
                return outcome(pair, show, sales, holds, retries, killed, promoted);
            }
        }
    }

    private static PatientClient.Request sale(String clerk, long showId, long tierId, String key) {
        return new PatientClient.Request(key, "/api/sales", clerk, "{\"showId\":" + showId + ",\"items\":[{\"tierId\":"
                + tierId + ",\"quantity\":1}],\"payment\":{\"method\":\"CARD\",\"cardNumber\":\"4242424242424242\"},"
                + "\"customerName\":\"" + key + "\"}");
    }

    private static ObjectNode outcome(PgPair pair, Seed.Show show, PatientClient sales, PatientClient holds,
                                      PatientClient retries, long killed, long promoted) throws Exception {
        Map<String, String> orderByKey = new HashMap<>();
        List<Long> confirmedAt = new ArrayList<>();
        Map<Integer, Integer> statuses = new java.util.TreeMap<>();
        int retried = 0;
        for (PatientClient.Answer answer : sales.answers()) {
            statuses.merge(answer.status(), 1, Integer::sum);
            retried += answer.attempts() > 1 ? 1 : 0;
            if (answer.status() == 201) {
                orderByKey.put(answer.key(), JSON.readTree(answer.body()).get("id").asText());
                confirmedAt.add(answer.atNanos());
            }
        }
        long retriedIntoAnotherOrder = 0;
        for (PatientClient.Answer retry : retries.answers()) {
            String first = orderByKey.get(retry.key());
            String again = retry.status() == 201 ? JSON.readTree(retry.body()).get("id").asText() : null;
            if (first != null ? !first.equals(again) : again != null) {
                retriedIntoAnotherOrder++;
            }
        }
        confirmedAt.sort(null);
        double longestGap = 0;
        double firstAfterPromotion = Double.NaN;
        for (int i = 1; i < confirmedAt.size(); i++) {
            longestGap = Math.max(longestGap, (confirmedAt.get(i) - confirmedAt.get(i - 1)) / 1e9);
            if (Double.isNaN(firstAfterPromotion) && confirmedAt.get(i) > promoted) {
                firstAfterPromotion = (confirmedAt.get(i) - promoted) / 1e9;
            }
        }
        try (Connection sql = DriverManager.getConnection(pair.jdbcUrl(), "postgres", "");
             Statement statement = sql.createStatement()) {
            long lost = Ledger.missingOrders(sql, new ArrayList<>(orderByKey.values()));
            // Every sale names its Idempotency-Key as the customer: two orders under one name are one sale made twice.
            long soldTwice;
            try (ResultSet rows = statement.executeQuery("SELECT count(*) - count(DISTINCT customer_name) FROM orders"
                    + " WHERE show_id = " + show.id())) {
                rows.next();
                soldTwice = rows.getLong(1);
            }
            List<String> broken = Ledger.broken(sql);
            long stuck = Ledger.stuckHolds(sql);
            Map<Integer, Integer> holdStatuses = new java.util.TreeMap<>();
            holds.answers().forEach(answer -> holdStatuses.merge(answer.status(), 1, Integer::sum));
            System.out.printf("  sales: final answers by status %s, %d retried, %d gave up; holds: final answers by status %s,"
                            + " %d gave up%n", statuses, retried, sales.gaveUp(), holdStatuses, holds.gaveUp());
            System.out.printf("  no sale confirmed for %.1f s at most; the first after the promotion came %.1f s after"
                    + " it (%.1f s after the kill)%n", longestGap, firstAfterPromotion,
                    firstAfterPromotion + (promoted - killed) / 1e9);
            if (!broken.isEmpty()) {
                System.out.println("  broken: " + broken);
            }
            ObjectNode result = new ObjectMapper().createObjectNode();
            result.put("confirmedOrders", orderByKey.size());
            result.put("confirmedOrdersLost", lost);
            result.put("duplicateSales", soldTwice + retriedIntoAnotherOrder);
            result.put("secondsWithoutSales", Summary.round(longestGap));
            result.put("stuckHolds", stuck);
            result.put("invariantsHeld", broken.isEmpty());
            return result;
        }
    }
}
