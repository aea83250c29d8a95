package dev.marquee.bench;

/** How long and how wide a run is: {@code quick} (under 3 minutes, 1,000 push clients) or {@code full}. */
record Mode(String name, double stepSeconds, int maxSweepSteps, double sweepFactor, int connections,
            int[] pushClients, double pushSeconds, double warmUpSeconds) {

    static Mode of(String name) {
        return switch (name) {
            case "quick" -> new Mode("quick", 3, 7, 1.6, 1024, new int[] {1000}, 5, 5);
            case "full" -> new Mode("full", 8, 12, 1.35, 1024, new int[] {1000, 10000}, 12, 10);
            default -> throw new IllegalArgumentException("bench/run quick|full, not " + name);
        };
    }
}
