package dev.marquee.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * One on-sale: fans arrive at a steady rate (the arrival order is their index) for a show with fewer tickets than
 * fans, each wanting one ticket. {@link #withLine}: the show's waiting room is ON; every fan joins the line, and
 * when the line's {@code queue} message says their number is served they buy. {@link #withoutLine}: the waiting
 * room is OFF; every fan tries to hold at once and, told to try again, tries again after {@code Retry-After}.
 */
final class OnSaleRun {

    /** What one run measured, as {@code onsale.json} writes it. */
    record Result(int fans, int tickets, double sellOutSeconds, long refused429, long outOfOrderAdmissions,
                  long admittedRefused429, double soldOutNoticeP99Ms, double kendallTau, long sold, long gaveUp) {
    }

    /** The line's run: the on-sale, and what the joins did. */
    record WithLine(Result result, LoadResult joins) {
    }

    private final Scenarios.Stage stage;
    private final int port;
    private final List<OnSaleFans.Fan> fans;
    private final int tickets;
    private final double arrivalsPerSec;

    OnSaleRun(Scenarios.Stage stage, int port, List<OnSaleFans.Fan> fans, int tickets, double arrivalsPerSec) {
        this.stage = stage;
        this.port = port;
        this.fans = fans;
        this.tickets = tickets;
        this.arrivalsPerSec = arrivalsPerSec;
    }

    /** The on-sale through the line; {@code probe} (1,000 or 10,000 subscribers) times the line's messages. */
    WithLine withLine(Seed.Show show, PushProbe probe) throws Exception {
        LoadResult joins;
        OnSaleBuyer buyer = new OnSaleBuyer(port, 256);
        Map<Integer, OnSaleBuyer.Outcome> outcomes = new ConcurrentHashMap<>();
        Map<UUID, OnSaleFans.Fan> byId = new HashMap<>();
        fans.forEach(fan -> byId.put(fan.id(), fan));
        long start = OnSaleBuyer.nowEpochNanos();
        try (ExecutorService buying = Executors.newVirtualThreadPerTaskExecutor();
             Connection sql = stage.sql();
             LineFollower follower = LineFollower.follow(port, show.id(), sql, admitted -> {
                 OnSaleFans.Fan fan = byId.get(admitted);
                 buying.submit(() -> {
                     outcomes.put(fan.index(), buyer.buy(fan, show.id(), show.tierIds().getFirst()));
                     return null;
                 });
             });
             OpenLoad joining = new OpenLoad("localhost", port, 256)) {
            joins = joining.run(arrivalsPerSec, fans.size() / arrivalsPerSec, joins(show));
            follower.awaitSoldOut(TimeUnit.SECONDS.toNanos(120));
            buying.shutdown();
            buying.awaitTermination(120, TimeUnit.SECONDS);
        }
        long lastSale = lastSaleEpochNanos(show.id());
        Histogram notice = new Histogram(TimeUnit.SECONDS.toNanos(120), 3);
        probe.firstArrivals().forEach(at -> notice.recordValue(Math.max(1, at - lastSale)));
        return new WithLine(result(show, outcomes, start, lastSale, notice,
                joins.refused().getTotalCount() + buyer.refused(), outOfOrder(show.id()), buyer.refused()), joins);
    }

    /**
     * Every fan joins the line of a show whose one ticket the counter holds, so the line admits nobody and the
     * figures are the joins' alone: an open load at the arrival rate, latency from each join's intended moment.
     */
    LoadResult joinsAlone(Seed.Show show) throws Exception {
        holdTheOnlyTicket(show);
        return stage.step(arrivalsPerSec, fans.size() / arrivalsPerSec, joins(show)).result();
    }

    /** As {@link #joinsAlone}, unmeasured: the join's code compiled before the joins are timed. */
    void warmJoins(Seed.Show show) throws Exception {
        holdTheOnlyTicket(show);
        stage.load.run(arrivalsPerSec, fans.size() / arrivalsPerSec, joins(show));
    }

    private void holdTheOnlyTicket(Seed.Show show) throws Exception {
        try (OpenLoad holding = new OpenLoad("localhost", port, 1)) {
            holding.run(1, 1, i -> new OpenLoad.Request("/api/holds", "Authorization: Bearer " + stage.clerkToken
                    + "\r\nIdempotency-Key: counter-" + show.id() + "\r\n", ("{\"showId\":" + show.id()
                    + ",\"items\":[{\"tierId\":" + show.tierIds().getFirst() + ",\"quantity\":1}]}").getBytes(
                    java.nio.charset.StandardCharsets.UTF_8)));
        }
    }

    /** Each fan's join in turn (the generator asks for its requests in order, once each, from one thread). */
    private OpenLoad.Requests joins(Seed.Show show) {
        int[] next = {0};
        return i -> new OpenLoad.Request("/api/shows/" + show.id() + "/queue",
                "Authorization: Bearer " + fans.get(next[0]++).token() + "\r\n", new byte[0]);
    }

    /** The same on-sale without the line: everyone tries at once and retries when told to. */
    Result withoutLine(Seed.Show show) throws Exception {
        OnSaleBuyer buyer = new OnSaleBuyer(port, 256);
        Map<Integer, OnSaleBuyer.Outcome> outcomes = new ConcurrentHashMap<>();
        long start = OnSaleBuyer.nowEpochNanos();
        long startNanos = System.nanoTime();
        try (ExecutorService buying = Executors.newVirtualThreadPerTaskExecutor()) {
            for (OnSaleFans.Fan fan : fans) {
                long wait = startNanos + (long) (fan.index() * 1e9 / arrivalsPerSec) - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                buying.submit(() -> {
                    outcomes.put(fan.index(), buyer.buy(fan, show.id(), show.tierIds().getFirst()));
                    return null;
                });
            }
            buying.shutdown();
            buying.awaitTermination(180, TimeUnit.SECONDS);
        }
        long lastSale = lastSaleEpochNanos(show.id());
        Histogram notice = new Histogram(TimeUnit.SECONDS.toNanos(180), 3);
        outcomes.values().stream().filter(o -> o.end() == OnSaleBuyer.End.SOLD_OUT)
                .forEach(o -> notice.recordValue(Math.max(1, o.atEpochNanos() - lastSale)));
        return result(show, outcomes, start, lastSale, notice, buyer.refused(), 0, 0);
    }

    private Result result(Seed.Show show, Map<Integer, OnSaleBuyer.Outcome> outcomes, long start, long lastSale,
                          Histogram notice, long refused, long outOfOrder, long admittedRefused) throws SQLException {
        List<Map.Entry<Integer, OnSaleBuyer.Outcome>> bought = outcomes.entrySet().stream()
                .filter(e -> e.getValue().end() == OnSaleBuyer.End.BOUGHT)
                .sorted(Comparator.comparingLong(e -> e.getValue().atEpochNanos())).toList();
        long[] arrival = new long[bought.size()];
        long[] purchase = new long[bought.size()];
        for (int i = 0; i < bought.size(); i++) {
            arrival[i] = bought.get(i).getKey();
            purchase[i] = i;
        }
        long gaveUp = outcomes.values().stream().filter(o -> o.end() == OnSaleBuyer.End.GAVE_UP).count();
        return new Result(fans.size(), tickets, (lastSale - start) / 1e9, refused, outOfOrder, admittedRefused,
                LoadResult.millis(notice, 99), KendallTau.of(arrival, purchase), soldOf(show.id()), gaveUp);
    }

    /** Admissions and sales in each second of the show's on-sale, for reading where the time went. */
    String timeline(long showId) throws SQLException {
        StringBuilder text = new StringBuilder();
        try (Connection sql = stage.sql(); PreparedStatement query = sql.prepareStatement("""
                WITH start AS (SELECT least((SELECT min(admitted_at) FROM queue_places WHERE show_id = ?),
                                            (SELECT min(created_at) FROM orders WHERE show_id = ?)) AS at),
                     admitted AS (SELECT floor(extract(epoch FROM p.admitted_at - start.at))::int AS second, count(*) AS n
                                  FROM queue_places p, start WHERE p.show_id = ? AND p.admitted_at IS NOT NULL
                                  GROUP BY 1),
                     sold AS (SELECT floor(extract(epoch FROM o.created_at - start.at))::int AS second, count(*) AS n
                              FROM orders o, start WHERE o.show_id = ? GROUP BY 1)
                SELECT coalesce(a.second, s.second) AS second, coalesce(a.n, 0) AS admitted, coalesce(s.n, 0) AS sold
                FROM admitted a FULL JOIN sold s ON s.second = a.second ORDER BY 1""")) {
            for (int i = 1; i <= 4; i++) {
                query.setLong(i, showId);
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    text.append(String.format(" %ds:%d/%d", rows.getInt(1), rows.getLong(2), rows.getLong(3)));
                }
            }
        }
        return "second:admitted/sold" + text;
    }

    /** When the show's last order was written, by the database's clock (on this machine). */
    private long lastSaleEpochNanos(long showId) throws SQLException {
        try (Connection sql = stage.sql(); PreparedStatement query = sql.prepareStatement(
                "SELECT (extract(epoch FROM max(created_at)) * 1000000)::bigint FROM orders WHERE show_id = ?")) {
            query.setLong(1, showId);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1) * 1000;
            }
        }
    }

    private long soldOf(long showId) throws SQLException {
        return number("SELECT coalesce(sum(sold), 0) FROM tiers WHERE show_id = ?", showId);
    }

    /** Admitted places that were admitted after a place with a higher number: the line served them out of turn. */
    private long outOfOrder(long showId) throws SQLException {
        return number("""
                SELECT count(*) FROM (
                    SELECT admitted_at, min(admitted_at) OVER (ORDER BY number
                        ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING) AS first_of_higher_numbers
                    FROM queue_places WHERE show_id = ? AND admitted_at IS NOT NULL) AS places
                WHERE admitted_at > first_of_higher_numbers""", showId);
    }

    private long number(String query, long showId) throws SQLException {
        try (Connection sql = stage.sql(); PreparedStatement statement = sql.prepareStatement(query)) {
            statement.setLong(1, showId);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /**
     * The fans' side of the line's live messages: one subscriber reads the show's {@code queue} messages, and each
     * time {@code nowServing} moves, the fans whose numbers it passed are told (their numbers are looked up in the
     * database: the benchmark's bookkeeping, standing in for each client remembering the number it was given).
     */
    static final class LineFollower implements WebSocket.Listener, AutoCloseable {

        private final long showId;
        private final Connection sql;
        private final java.util.function.Consumer<UUID> admitted;
        private final CompletableFuture<Long> soldOut = new CompletableFuture<>();
        private final StringBuilder partial = new StringBuilder();
        private final HttpClient http = HttpClient.newHttpClient();
        private WebSocket socket;
        private long served;

        private LineFollower(long showId, Connection sql, java.util.function.Consumer<UUID> admitted) {
            this.showId = showId;
            this.sql = sql;
            this.admitted = admitted;
        }

        static LineFollower follow(int port, long showId, Connection sql, java.util.function.Consumer<UUID> admitted) {
            LineFollower follower = new LineFollower(showId, sql, admitted);
            follower.socket = follower.http.newWebSocketBuilder()
                    .buildAsync(URI.create("ws://localhost:" + port + "/ws"), follower).join();
            follower.socket.sendText("{\"type\":\"subscribe\",\"showIds\":[" + showId + "]}", true).join();
            return follower;
        }

        void awaitSoldOut(long nanos) throws Exception {
            soldOut.get(nanos, TimeUnit.NANOSECONDS);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String message = partial.toString();
                partial.setLength(0);
                if (message.contains("\"type\":\"queue\"")) {
                    onLine(message);
                }
            }
            webSocket.request(1);
            return null;
        }

        private synchronized void onLine(String message) {
            long nowServing = longField(message, "nowServing");
            if (nowServing > served) {
                try {
                    admittedBetween(served, nowServing).forEach(admitted);
                } catch (SQLException e) {
                    soldOut.completeExceptionally(e);
                }
                served = nowServing;
            }
            if (message.contains(PushProbe.SOLD_OUT)) {
                soldOut.complete(OnSaleBuyer.nowEpochNanos());
            }
        }

        private List<UUID> admittedBetween(long after, long upTo) throws SQLException {
            List<UUID> ids = new ArrayList<>();
            try (PreparedStatement query = sql.prepareStatement("""
                    SELECT user_id FROM queue_places WHERE show_id = ? AND number > ? AND number <= ?
                    ORDER BY number""")) {
                query.setLong(1, showId);
                query.setLong(2, after);
                query.setLong(3, upTo);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getObject(1, UUID.class));
                    }
                }
            }
            return ids;
        }

        private static long longField(String json, String name) {
            int start = json.indexOf("\"" + name + "\":") + name.length() + 3;
            int end = start;
            while (end < json.length() && Character.isDigit(json.charAt(end))) {
                end++;
            }
            return Long.parseLong(json.substring(start, end));
        }

        @Override
        public void close() {
            socket.abort();
            http.close();
        }
    }
}
