package dev.marquee.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code bench/run quick|full onsale}: every fan joins a line that admits nobody yet (the joins' figures), then
 * the same on-sale twice on the real jar and a real PostgreSQL, first through the show's waiting line (ON), then
 * without it (OFF, as before the line existed); writes {@code bench/target/onsale.json}. Quick: 20,000 fans
 * arriving at 5,000 a second for 5,000 tickets, the line's messages timed at 1,000 subscribers; full: 50,000 fans
 * (10 s of joins) and 10,000 subscribers. Each run has a small unmeasured on-sale of its kind first, and the joins
 * unmeasured ones of their own, so none pays for the JIT.
 */
final class OnSale {

    /** How big an on-sale is. */
    record Size(int fans, int tickets, double arrivalsPerSec, int pushClients) {
        static Size of(Mode mode) {
            return mode.name().equals("full") ? new Size(50_000, 5_000, 5_000, 10_000)
                    : new Size(20_000, 5_000, 5_000, 1_000);
        }
    }

    private static final Size WARM_UP = new Size(1_000, 250, 2_000, 0);
    /** Fans who join a line unmeasured before the joins are timed: seconds of joins, for the JIT. */
    private static final int WARM_UP_JOINS = 15_000;
    /**
     * How many lines those fans join, one after the other. A batch of joins is served by code that runs once per
     * batch, a few hundred times a second: after one line's worth of joins the JIT was still compiling it, and the
     * timed joins' p99 paid for those compilations (more than twice what it is without them).
     */
    private static final int WARM_UP_JOIN_ROUNDS = 3;

    private OnSale() {
    }

    /** The whole on-sale; with {@code joinsOnly} just the joins' step (for working on joins). */
    static void run(Scenarios scenarios, Path out, boolean joinsOnly) throws Exception {
        Size size = Size.of(scenarios.mode());
        Section.begin("on-sale: " + size.fans() + " fans for " + size.tickets() + " tickets");
        try (Scenarios.Stage stage = scenarios.stage("onsale", "optimized")) {
            List<OnSaleFans.Fan> seeded;
            try (Connection sql = stage.sql()) {
                seeded = OnSaleFans.seed(sql, size.fans() + WARM_UP_JOINS);
            }
            // The warm-ups' fans are not the measured ones: a session the server has just looked up is remembered,
            // and the measured fans must be new to it, as in a real rush.
            List<OnSaleFans.Fan> fans = seeded.subList(0, size.fans());
            List<OnSaleFans.Fan> warmFans = seeded.subList(size.fans(), seeded.size());
            OnSaleRun warm = new OnSaleRun(stage, scenarios.port(), warmFans.subList(0, WARM_UP.fans()),
                    WARM_UP.tickets(), WARM_UP.arrivalsPerSec());
            Seed.Show warmLine = show(stage, WARM_UP, "ON");
            try (PushProbe none = PushProbe.connect(scenarios.port(), warmLine.id(), 0, PushProbe.Stamp.QUEUE)) {
                warm.withLine(warmLine, none);
            }
            warm.withoutLine(show(stage, WARM_UP, "OFF"));
            OnSaleRun warmJoins = new OnSaleRun(stage, scenarios.port(), warmFans, 1, size.arrivalsPerSec());
            for (int round = 0; round < WARM_UP_JOIN_ROUNDS; round++) {
                warmJoins.warmJoins(show(stage, new Size(0, 1, 0, 0), "ON"));
            }
            stage.checkInvariants("on-sale warm-up");

            OnSaleRun run = new OnSaleRun(stage, scenarios.port(), fans, size.tickets(), size.arrivalsPerSec());
            LoadResult joins = run.joinsAlone(show(stage, new Size(0, 1, 0, 0), "ON"));
            System.out.printf("  joins alone: %s%n", joins);
            if (joinsOnly) {
                return;
            }
            Seed.Show lined = show(stage, size, "ON");
            OnSaleRun.WithLine withLine;
            PushProbe probe = PushProbe.connect(scenarios.port(), lined.id(), size.pushClients(), PushProbe.Stamp.QUEUE);
            try (probe) {
                System.out.printf("  %d clients subscribed to the line%n", probe.connected());
                probe.record(true);
                withLine = run.withLine(lined, probe);
                probe.record(false);
            }
            print("with the line", withLine.result());
            System.out.println("  " + run.timeline(lined.id()));
            System.out.printf("  joins during the on-sale: %s%n", withLine.joins());
            System.out.printf("  queue messages to %d clients: p50 %.1f ms p99 %.1f ms (%d messages)%n",
                    size.pushClients(), LoadResult.millis(probe.latency(), 50), LoadResult.millis(probe.latency(), 99),
                    probe.latency().getTotalCount());
            Seed.Show open = show(stage, size, "OFF");
            OnSaleRun.Result withoutLine = run.withoutLine(open);
            print("without the line", withoutLine);
            System.out.println("  " + run.timeline(open.id()));
            boolean held;
            try (Connection sql = stage.sql()) {
                held = Ledger.broken(sql).isEmpty();
            }
            stage.checkInvariants("on-sale");
            write(out.resolve("onsale.json"), withLine.result(), withoutLine, joins, size, probe, held);
        }
    }

    private static Seed.Show show(Scenarios.Stage stage, Size size, String waitingRoom) throws Exception {
        try (Connection sql = stage.sql()) {
            return OnSaleFans.show(sql, size.tickets(), waitingRoom);
        }
    }

    private static void print(String name, OnSaleRun.Result r) {
        System.out.printf("  %-17s sold %d of %d to %d fans in %.2f s; 429s %d (to admitted fans %d); out of turn %d;"
                        + " sold-out notice p99 %.0f ms; Kendall tau %.3f; gave up %d%n", name, r.sold(), r.tickets(),
                r.fans(), r.sellOutSeconds(), r.refused429(), r.admittedRefused429(), r.outOfOrderAdmissions(),
                r.soldOutNoticeP99Ms(), r.kendallTau(), r.gaveUp());
    }

    private static void write(Path file, OnSaleRun.Result withLine, OnSaleRun.Result withoutLine, LoadResult joins,
                              Size size, PushProbe probe, boolean invariantsHeld) throws Exception {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("withLine", run(withLine));
        json.put("withoutLine", run(withoutLine));
        Map<String, Object> joining = new LinkedHashMap<>();
        joining.put("offeredPerSec", round(joins.offeredPerSec()));
        joining.put("acceptedPerSec", round(joins.acceptedPerSec()));
        joining.put("p50Ms", round(LoadResult.millis(joins.accepted(), 50)));
        joining.put("p99Ms", round(LoadResult.millis(joins.accepted(), 99)));
        joining.put("refused", joins.refused().getTotalCount() + joins.failed().getTotalCount());
        json.put("joins", joining);
        Map<String, Object> push = new LinkedHashMap<>();
        push.put("clients", size.pushClients());
        push.put("p50Ms", round(LoadResult.millis(probe.latency(), 50)));
        push.put("p99Ms", round(LoadResult.millis(probe.latency(), 99)));
        json.put("queuePush", push);
        json.put("invariantsHeld", invariantsHeld);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), json);
    }

    private static Map<String, Object> run(OnSaleRun.Result r) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("fans", r.fans());
        json.put("tickets", r.tickets());
        json.put("sellOutSeconds", round(r.sellOutSeconds()));
        json.put("refused429", r.refused429());
        json.put("outOfOrderAdmissions", r.outOfOrderAdmissions());
        json.put("admittedRefused429", r.admittedRefused429());
        json.put("soldOutNoticeP99Ms", round(r.soldOutNoticeP99Ms()));
        json.put("kendallTau", Math.round(r.kendallTau() * 10_000) / 10_000.0);
        return json;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
