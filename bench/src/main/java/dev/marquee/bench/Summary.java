package dev.marquee.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/** The run's figures in the shape the issue fixes ({@code summary.json}), plus every step ({@code details.json}). */
record Summary(StrategyRun naive, StrategyRun optimized, Crash.Outcome crash, List<String> broken) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    void write(Path out) throws IOException {
        JSON.writeValue(out.resolve("summary.json").toFile(), summary());
        JSON.writeValue(out.resolve("details.json").toFile(), details());
        StringBuilder csv = new StringBuilder("strategy,scenario,offeredPerSec,acceptedPerSec,p50Ms,p99Ms,p999Ms,"
                + "refused,failed,cpuMicrosPerBooking\n");
        for (StrategyRun run : List.of(naive, optimized)) {
            run.hot().forEach(step -> csv.append(csvLine(run.strategy(), "hot", step)));
            run.spread().forEach(step -> csv.append(csvLine(run.strategy(), "spread", step)));
        }
        Files.writeString(out.resolve("sweep.csv"), csv);
    }

    ObjectNode summary() {
        ObjectNode root = JSON.createObjectNode();
        root.set("hotTier", compare(naive.hotBest(), optimized.hotBest()));
        root.set("spread", compare(naive.spreadBest(), optimized.spreadBest()));
        ObjectNode at70 = root.putObject("latencyAt70pct");
        for (StrategyRun run : List.of(naive, optimized)) {
            ObjectNode node = at70.putObject(run.strategy());
            node.put("offeredPerSec", round(run.at70().result().offeredPerSec()));
            node.put("p99Ms", round(LoadResult.millis(run.at70().result().accepted(), 99)));
            node.put("p999Ms", round(LoadResult.millis(run.at70().result().accepted(), 99.9)));
        }
        ObjectNode over = root.putObject("overload");
        over.put("offeredPerSec", round(optimized.overload().result().offeredPerSec()));
        over.put("acceptedPerSec", round(optimized.overload().result().acceptedPerSec()));
        over.put("acceptedP99Ms", round(LoadResult.millis(optimized.overload().result().accepted(), 99)));
        over.put("rejectedP99Ms", round(LoadResult.millis(optimized.overload().result().refused(), 99)));
        ObjectNode push = root.putObject("push");
        push.put("bookingRatePerSec", round(optimized.pushes().bookingRatePerSec()));
        push.set("clients1000", pushLatency(optimized.pushes().latencyByClients().get(1000)));
        push.set("clients10000", pushLatency(optimized.pushes().latencyByClients().get(10000)));
        ObjectNode cpu = root.putObject("cpuMicrosPerBooking");
        cpu.put("naive", round(naive.hotBest().cpuMicrosPerBooking()));
        cpu.put("optimized", round(optimized.hotBest().cpuMicrosPerBooking()));
        ObjectNode crashed = root.putObject("crash");
        crashed.put("committedOrdersLost", crash.committedOrdersLost());
        crashed.put("stuckHolds", crash.stuckHolds());
        root.put("invariantsHeld", broken.isEmpty());
        return root;
    }

    private ObjectNode details() {
        ObjectNode root = JSON.createObjectNode();
        for (StrategyRun run : List.of(naive, optimized)) {
            ObjectNode node = root.putObject(run.strategy());
            steps(node.putArray("hot"), run.hot());
            steps(node.putArray("spread"), run.spread());
            steps(node.putArray("seatedBestAvailable"), run.seated());
            node.set("at70pct", step(run.at70()));
        }
        root.set("overload", step(optimized.overload()));
        root.put("crashConfirmedSales", crash.confirmed());
        root.putPOJO("brokenInvariants", broken);
        return root;
    }

    private static ObjectNode compare(Scenarios.Measured naive, Scenarios.Measured optimized) {
        ObjectNode node = JSON.createObjectNode();
        node.set("naive", throughput(naive));
        node.set("optimized", throughput(optimized));
        node.put("ratio", round(optimized.result().acceptedPerSec() / naive.result().acceptedPerSec()));
        return node;
    }

    private static ObjectNode throughput(Scenarios.Measured step) {
        ObjectNode node = JSON.createObjectNode();
        node.put("throughputPerSec", round(step.result().acceptedPerSec()));
        node.put("p50Ms", round(LoadResult.millis(step.result().accepted(), 50)));
        node.put("p99Ms", round(LoadResult.millis(step.result().accepted(), 99)));
        node.put("p999Ms", round(LoadResult.millis(step.result().accepted(), 99.9)));
        return node;
    }

    private static ObjectNode pushLatency(Histogram latency) {
        if (latency == null) {
            return null;
        }
        ObjectNode node = JSON.createObjectNode();
        node.put("p50Ms", round(LoadResult.millis(latency, 50)));
        node.put("p99Ms", round(LoadResult.millis(latency, 99)));
        return node;
    }

    private static void steps(ArrayNode array, List<Scenarios.Measured> steps) {
        steps.forEach(step -> array.add(step(step)));
    }

    private static ObjectNode step(Scenarios.Measured step) {
        ObjectNode node = throughput(step);
        node.put("offeredPerSec", round(step.result().offeredPerSec()));
        node.put("refused", step.result().refused().getTotalCount());
        node.put("failed", step.result().failed().getTotalCount());
        node.put("cpuMicrosPerBooking", round(step.cpuMicrosPerBooking()));
        node.put("serverCpuMicrosPerBooking", round(step.serverMicrosPerBooking()));
        node.put("databaseCpuMicrosPerBooking", round(step.databaseMicrosPerBooking()));
        node.put("generatorCpuMicrosPerBooking", round(step.generatorMicrosPerBooking()));
        return node;
    }

    private static String csvLine(String strategy, String scenario, Scenarios.Measured step) {
        LoadResult r = step.result();
        return String.format(Locale.ROOT, "%s,%s,%.0f,%.0f,%.2f,%.2f,%.2f,%d,%d,%.0f%n", strategy, scenario,
                r.offeredPerSec(), r.acceptedPerSec(), LoadResult.millis(r.accepted(), 50),
                LoadResult.millis(r.accepted(), 99), LoadResult.millis(r.accepted(), 99.9),
                r.refused().getTotalCount(), r.failed().getTotalCount(), step.cpuMicrosPerBooking());
    }

    /** A side-by-side table for the terminal. */
    String table() {
        StringBuilder text = new StringBuilder("\n                       naive      optimized   ratio\n");
        row(text, "hot tier /s", naive.hotBest(), optimized.hotBest());
        row(text, "spread /s", naive.spreadBest(), optimized.spreadBest());
        text.append(String.format(Locale.ROOT, "%-18s %10.1f %12.1f%n", "p99 at 70 % (ms)",
                LoadResult.millis(naive.at70().result().accepted(), 99),
                LoadResult.millis(optimized.at70().result().accepted(), 99)));
        text.append(String.format(Locale.ROOT, "%-18s %10.0f %12.0f%n", "cpu us/booking",
                naive.hotBest().cpuMicrosPerBooking(), optimized.hotBest().cpuMicrosPerBooking()));
        text.append(String.format(Locale.ROOT, "overload: offered %.0f/s accepted %.0f/s p99 %.1f ms, refused p99 %.1f ms%n",
                optimized.overload().result().offeredPerSec(), optimized.overload().result().acceptedPerSec(),
                LoadResult.millis(optimized.overload().result().accepted(), 99), LoadResult.millis(optimized.overload().result().refused(), 99)));
        text.append("crash: lost ").append(crash.committedOrdersLost()).append(" of ").append(crash.confirmed())
                .append(" confirmed orders, stuck holds ").append(crash.stuckHolds()).append('\n');
        text.append("invariants: ").append(broken.isEmpty() ? "held" : "BROKEN " + broken).append('\n');
        return text.toString();
    }

    private static void row(StringBuilder text, String label, Scenarios.Measured naive, Scenarios.Measured optimized) {
        text.append(String.format(Locale.ROOT, "%-18s %10.0f %12.0f %7.2fx%n", label, naive.result().acceptedPerSec(),
                optimized.result().acceptedPerSec(),
                optimized.result().acceptedPerSec() / naive.result().acceptedPerSec()));
    }

    static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
