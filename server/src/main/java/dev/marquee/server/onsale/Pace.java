package dev.marquee.server.onsale;

import java.time.Duration;

/**
 * How fast a line admits: additive growth is too slow for an on-sale and a fixed rate either wastes the database
 * or floods it, so the pace grows by half each round while the fans admitted are being served (fewer than a
 * second's admissions still have not held). A round that finds the show's bookings under pressure (its lane or the
 * connection pool would refuse for load) eases the pace by a quarter and admits only at the pace's floor: the fans
 * admitted already keep the lanes busy, yet a line on a server kept busy by other shows still moves. Halving
 * instead took the pace to its floor in a few rounds of pressure, and the lanes then sat idle for a second or two
 * while it grew back. It never admits more fans than there are tickets left beyond those already admitted, nor more
 * than are waiting.
 */
final class Pace {

    /** What a round under pressure keeps of the pace. */
    static final double EASE = 0.75;

    private Pace() {
    }

    /** The pace for the next round, in fans a second. */
    static double next(double current, LineSettings settings, boolean underPressure, long admittedNotHolding) {
        double rate = current > 0 ? current : settings.startRate();
        if (underPressure) {
            return Math.max(floor(settings), rate * EASE);
        }
        if (admittedNotHolding <= rate) {
            return Math.min(settings.maxRate(), rate * 1.5);
        }
        return rate;
    }

    /** The lowest pace, and what a round under pressure admits at: a quarter of the start. */
    static double floor(LineSettings settings) {
        return settings.startRate() / 4;
    }

    /** How many to admit this round: a round's share of the pace, within the tickets left and those waiting. */
    static long admitNow(double rate, Duration round, long ticketsLeft, long admittedNotHolding, long waiting) {
        long share = (long) Math.ceil(rate * round.toMillis() / 1000.0);
        long room = Math.max(0, ticketsLeft - admittedNotHolding);
        return Math.max(0, Math.min(share, Math.min(room, waiting)));
    }
}
