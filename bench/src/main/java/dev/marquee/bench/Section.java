package dev.marquee.bench;

import java.lang.management.ManagementFactory;

/** The heading of one part of a run, with how far into the run it starts, so a run's time budget can be read off. */
final class Section {

    private Section() {
    }

    static void begin(String name) {
        double seconds = ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0;
        System.out.printf("== %s (at %.0f s)%n", name, seconds);
    }
}
