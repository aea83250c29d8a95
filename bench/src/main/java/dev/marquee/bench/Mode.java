package dev.marquee.bench;

/**
 * How long and how wide a run is: {@code quick} (under 3 minutes, 1,000 push clients) or {@code full}; and how much
 * WAL its database keeps ready (see {@link Database}): a full run's 4 GB is more than it writes; quick keeps 1 GB,
 * since writing more first would take it past its 3 minutes, so its last steps may wait for new WAL segments.
 */
record Mode(String name, double stepSeconds, int maxSweepSteps, double sweepFactor, int connections,
            int[] pushClients, double pushSeconds, double warmUpSeconds, int readyWalGb) {

    static Mode of(String name) {
        return switch (name) {
            case "quick" -> new Mode("quick", 2.5, 7, 1.6, 1024, new int[] {1000}, 5, 10, 1);
            case "full" -> new Mode("full", 8, 12, 1.35, 1024, new int[] {1000, 10000}, 12, 10, 4);
            default -> throw new IllegalArgumentException("bench/run quick|full, not " + name);
        };
    }
}
