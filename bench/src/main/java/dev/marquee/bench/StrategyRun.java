package dev.marquee.bench;

import java.sql.Connection;
import java.util.List;

/**
 * Everything one strategy is measured on, in one warmed-up server: the hot-tier and spread sweeps, seated
 * best-available, latency at 70 % of its maximum, and for the optimized strategy overload at 150 % and pushes.
 */
record StrategyRun(String strategy, List<Scenarios.Measured> hot, List<Scenarios.Measured> spread,
                   Scenarios.Measured seated, Scenarios.Measured at70, Scenarios.Measured overload, Pushes pushes) {

    static StrategyRun measure(Scenarios scenarios, String strategy, double startRate, boolean withOverloadAndPushes)
            throws Exception {
        System.out.println("== " + strategy);
        Mode mode = scenarios.mode();
        try (Scenarios.Stage stage = scenarios.stage(strategy, strategy)) {
            Seed.Show hotShow;
            List<Seed.Show> spreadShows;
            Seed.Show seatedShow;
            try (Connection sql = stage.sql()) {
                hotShow = Seed.gaShows(sql, 1, 1, 50_000_000).getFirst();
                spreadShows = Seed.gaShows(sql, 100, 10, 1_000_000);
                seatedShow = Seed.seatedShow(sql, 40, 50);
            }
            stage.warmUp(startRate, sales(stage, strategy + "-warmup-", spreadShows));
            List<Scenarios.Measured> hotSteps = stage.sweep(startRate, sales(stage, strategy + "-hot-", List.of(hotShow)));
            List<Scenarios.Measured> spreadSteps = stage.sweep(startRate, sales(stage, strategy + "-spread-",
                    spreadShows));
            double max = Scenarios.best(hotSteps).result().acceptedPerSec();
            Scenarios.Measured seated = stage.step(Math.min(300, 0.3 * max), mode.stepSeconds(),
                    sales(stage, strategy + "-seated-", List.of(seatedShow)));
            Scenarios.Measured at70 = stage.step(0.7 * max, mode.stepSeconds() * 1.5,
                    sales(stage, strategy + "-at70-", List.of(hotShow)));
            if (!withOverloadAndPushes) {
                return new StrategyRun(strategy, hotSteps, spreadSteps, seated, at70, null, null);
            }
            System.out.println("== overload");
            Scenarios.Measured overload = stage.step(1.5 * max, mode.stepSeconds() * 1.5,
                    sales(stage, strategy + "-overload-", List.of(hotShow)));
            Thread.sleep(1_000);
            Pushes pushes = Pushes.measure(scenarios, stage, hotShow, max);
            return new StrategyRun(strategy, hotSteps, spreadSteps, seated, at70, overload, pushes);
        }
    }

    private static Sales sales(Scenarios.Stage stage, String keyPrefix, List<Seed.Show> shows) {
        return new Sales(stage.clerkToken, Sales.targets(shows), keyPrefix);
    }

    Scenarios.Measured hotBest() {
        return Scenarios.best(hot);
    }

    Scenarios.Measured spreadBest() {
        return Scenarios.best(spread);
    }
}
