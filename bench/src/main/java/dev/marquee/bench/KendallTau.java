package dev.marquee.bench;

/**
 * Kendall's tau between two orders of the same people: 1 when they agree on every pair, -1 when they disagree on
 * every pair. Counted pair by pair, which for the few thousand buyers of an on-sale is quick enough.
 */
final class KendallTau {

    private KendallTau() {
    }

    /** {@code first[i]} and {@code second[i]} are person i's ranks in the two orders; no ties. */
    static double of(long[] first, long[] second) {
        int n = first.length;
        if (n < 2) {
            return 1;
        }
        long concordant = 0;
        long discordant = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                long sign = Long.signum(first[i] - first[j]) * Long.signum(second[i] - second[j]);
                if (sign > 0) {
                    concordant++;
                } else if (sign < 0) {
                    discordant++;
                }
            }
        }
        return (double) (concordant - discordant) / ((long) n * (n - 1) / 2);
    }
}
