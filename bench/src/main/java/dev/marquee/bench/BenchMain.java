package dev.marquee.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code bench/run quick|full}: both booking strategies measured in one run, on one PostgreSQL with the same
 * settings and pool size, each scenario on a fresh database; writes {@code bench/target/summary.json}, the
 * per-step details, the rate sweep as CSV and the latency-versus-throughput plot.
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        Mode mode = Mode.of(args.length > 0 ? args[0] : "quick");
        Path root = Path.of(System.getProperty("marquee.root", ".")).toAbsolutePath().normalize();
        Path out = root.resolve("bench/target");
        Files.createDirectories(out);
        Path jar = ServerProcess.copyJar(root.resolve("server/target"), out.resolve("server"));
        Path log = out.resolve("server.log");
        Files.deleteIfExists(log);
        long started = System.nanoTime();
        if (args.length > 1 && args[1].equals("failover")) {
            // bench/run quick failover [RATE]: the primary lost under sales and holds; its own primary and standby.
            Failover.run(root, jar, log, out, args.length > 2 ? Double.parseDouble(args[2]) : 200);
            return;
        }
        // The one-part tools (crash, steady, push) are for working on tails: they keep as much WAL ready as a full run.
        boolean onSale = args.length > 1 && args[1].equals("onsale");
        boolean tool = args.length > 1 && !onSale;
        int readyWalGb = tool ? Mode.of("full").readyWalGb() : mode.readyWalGb();
        try (Database database = Database.start(out.resolve("pg"), readyWalGb)) {
            if (tool && args[1].equals("crash")) {
                // bench/run quick crash [RATE]: the crash scenario alone, for working on it.
                System.out.println(Crash.run(database, jar, log, args.length > 2 ? Double.parseDouble(args[2]) : 2000));
                return;
            }
            Scenarios scenarios = new Scenarios(database, jar, mode, log);
            if (onSale) {
                // bench/run quick|full onsale: the same on-sale with and without the waiting line.
                OnSale.run(scenarios, out, args.length > 2 && args[2].equals("joins"));
                System.out.printf("bench/run %s onsale took %.0f s; results in bench/target/onsale.json%n", mode.name(),
                        (System.nanoTime() - started) / 1e9);
                return;
            }
            if (tool && args[1].equals("steady")) {
                // bench/run quick steady RATE [SECONDS] [spread]: one step with its timeline, for working on tails.
                Steady.run(scenarios, database, Double.parseDouble(args[2]),
                        args.length > 3 ? Double.parseDouble(args[3]) : 15, args.length > 4 && args[4].equals("spread"));
                return;
            }
            if (tool && args[1].equals("soak")) {
                // bench/run soak [MINUTES] [RATE]: sales at 70 % of the maximum (or RATE) for MINUTES (20).
                Soak.run(scenarios, args.length > 2 ? Integer.parseInt(args[2]) : 20,
                        args.length > 3 ? Double.parseDouble(args[3]) : 0);
                return;
            }
            if (tool && args[1].equals("logins")) {
                // bench/run quick logins [SECONDS] [PER_SEC]: a fan's holds with and without a flood of sign-ins.
                LoginFlood.run(scenarios, args.length > 2 ? Double.parseDouble(args[2]) : 20,
                        args.length > 3 ? Double.parseDouble(args[3]) : 20);
                return;
            }
            if (tool && args[1].equals("push")) {
                // bench/run quick push CLIENTS [SECONDS]: steps with and without push clients, for working on pushes.
                PushSteady.run(scenarios, args.length > 2 ? Integer.parseInt(args[2]) : 1000,
                        args.length > 3 ? Double.parseDouble(args[3]) : 10);
                return;
            }
            StrategyRun naive = StrategyRun.measure(scenarios, "naive", 300, false);
            StrategyRun optimized = StrategyRun.measure(scenarios, "optimized", 600, true);
            double max = optimized.hotBest().result().acceptedPerSec();
            Crash.Outcome crash = Crash.run(database, jar, log, 0.5 * max);
            List<String> broken = new ArrayList<>(scenarios.broken());
            crash.broken().forEach(check -> broken.add("crash: " + check));
            Summary summary = new Summary(naive, optimized, crash, broken);
            summary.write(out);
            // The doc's plot is refreshed on purpose (cp bench/target/latency.png docs/performance-latency.png), so a
            // run leaves the work tree as it found it.
            LatencyPlot.write(out.resolve("latency.png"), naive.hot(), optimized.hot());
            System.out.println(summary.table());
            System.out.printf("bench/run %s took %.0f s; summary in bench/target/summary.json%n", mode.name(),
                    (System.nanoTime() - started) / 1e9);
        }
    }
}
