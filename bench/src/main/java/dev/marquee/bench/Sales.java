package dev.marquee.bench;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The benchmark's booking: a box-office card sale of one or two tickets ({@code POST /api/sales}), each with an
 * idempotency key of its own. Tiers are drawn from {@code tiers} by a hash of the request number, so "spread"
 * scenarios touch them evenly but not in lock step.
 */
final class Sales implements OpenLoad.Requests {

    /** A tier and the show it belongs to. */
    record Target(long showId, long tierId) {
    }

    private final String headers;
    private final List<Target> targets;
    private final String keyPrefix;

    Sales(String token, List<Target> targets, String keyPrefix) {
        this.headers = "Authorization: Bearer " + token + "\r\n";
        this.targets = targets;
        this.keyPrefix = keyPrefix;
    }

    static List<Target> targets(List<Seed.Show> shows) {
        return shows.stream().flatMap(show -> show.tierIds().stream().map(tier -> new Target(show.id(), tier)))
                .toList();
    }

    @Override
    public OpenLoad.Request request(long i) {
        Target target = targets.get((int) Math.floorMod(mix(i), (long) targets.size()));
        String body = "{\"showId\":" + target.showId() + ",\"items\":[{\"tierId\":" + target.tierId()
                + ",\"quantity\":" + (1 + i % 2) + "}],\"payment\":{\"method\":\"CARD\",\"cardNumber\":\"4242424242424242\"}}";
        return new OpenLoad.Request("/api/sales", headers + "Idempotency-Key: " + keyPrefix + i + "\r\n",
                body.getBytes(StandardCharsets.UTF_8));
    }

    /** A fan's one-ticket hold, left to expire (the crash scenario counts holds stuck past their expiry). */
    static OpenLoad.Requests holds(String fanToken, Target target, String keyPrefix) {
        String headers = "Authorization: Bearer " + fanToken + "\r\n";
        byte[] body = ("{\"showId\":" + target.showId() + ",\"items\":[{\"tierId\":" + target.tierId()
                + ",\"quantity\":1}]}").getBytes(StandardCharsets.UTF_8);
        return i -> new OpenLoad.Request("/api/holds", headers + "Idempotency-Key: " + keyPrefix + i + "\r\n", body);
    }

    private static long mix(long i) {
        long z = i * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        return z ^ (z >>> 31);
    }
}
