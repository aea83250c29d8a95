package dev.marquee.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Everything one strategy is measured on, in one warmed-up server: the hot-tier and spread sweeps, seated
 * best-available, latency at 70 % of its maximum, and for the optimized strategy overload at 150 % and pushes.
 * Every scenario books shows of its own, so what an earlier one sold cannot slow a later one's hot rows, and the
 * invariants and ledger are checked after each.
 */
record StrategyRun(String strategy, List<Scenarios.Measured> hot, List<Scenarios.Measured> spread,
                   List<Scenarios.Measured> seated, Scenarios.Measured at70, Scenarios.Measured overload,
                   Pushes pushes) {

    private static final int HOT_CAPACITY = 50_000_000;
    private static final int SPREAD_SHOWS = 100;
    private static final int SPREAD_TIERS_PER_SHOW = 10;
    private static final double SEATED_START_RATE = 25;
    private static final int SEATED_MAX_STEPS = 3;

    static StrategyRun measure(Scenarios scenarios, String strategy, double startRate, boolean withOverloadAndPushes)
            throws Exception {
        Section.begin(strategy);
        Mode mode = scenarios.mode();
        try (Scenarios.Stage stage = scenarios.stage(strategy, strategy)) {
            stage.warmUp(startRate, sales(stage, "warmup", spreadShows(stage)));
            List<Scenarios.Measured> hot = stage.sweep(startRate, sales(stage, "hot", hotShow(stage)));
            stage.checkInvariants("hot");
            List<Scenarios.Measured> spread = stage.sweep(startRate, sales(stage, "spread", spreadShows(stage)));
            stage.checkInvariants("spread");
            // Best available is far slower than GA: it gets a sweep of its own, from a low rate.
            List<Scenarios.Measured> seated = stage.sweep(SEATED_START_RATE, SEATED_MAX_STEPS, sales(stage, "seated", seatedShow(stage)));
            stage.checkInvariants("seated");
            double max = Scenarios.best(hot).result().acceptedPerSec();
            Scenarios.Measured at70 = stage.step(0.7 * max, mode.stepSeconds() * 1.5,
                    sales(stage, "at70", hotShow(stage)));
            stage.checkInvariants("at70");
            if (!withOverloadAndPushes) {
                return new StrategyRun(strategy, hot, spread, seated, at70, null, null);
            }
            Section.begin("overload");
            Scenarios.Measured overload = stage.step(1.5 * max, mode.stepSeconds() * 1.5,
                    sales(stage, "overload", hotShow(stage)));
            stage.checkInvariants("overload");
            Thread.sleep(1_000);
            Pushes pushes = Pushes.measure(scenarios, stage, hotShow(stage).getFirst());
            stage.checkInvariants("pushes");
            return new StrategyRun(strategy, hot, spread, seated, at70, overload, pushes);
        }
    }

    /** A new show with one general-admission tier of its own, for the hot-tier scenarios. */
    static List<Seed.Show> hotShow(Scenarios.Stage stage) throws SQLException {
        try (Connection sql = stage.sql()) {
            return Seed.gaShows(sql, 1, 1, HOT_CAPACITY);
        }
    }

    private static List<Seed.Show> spreadShows(Scenarios.Stage stage) throws SQLException {
        try (Connection sql = stage.sql()) {
            return Seed.gaShows(sql, SPREAD_SHOWS, SPREAD_TIERS_PER_SHOW, 1_000_000);
        }
    }

    private static List<Seed.Show> seatedShow(Scenarios.Stage stage) throws SQLException {
        try (Connection sql = stage.sql()) {
            return List.of(Seed.seatedShow(sql, 80, 50));
        }
    }

    private static Sales sales(Scenarios.Stage stage, String scenario, List<Seed.Show> shows) {
        return new Sales(stage.clerkToken, Sales.targets(shows), stage.name + "-" + scenario + "-");
    }

    Scenarios.Measured hotBest() {
        return Scenarios.best(hot);
    }

    Scenarios.Measured spreadBest() {
        return Scenarios.best(spread);
    }
}
