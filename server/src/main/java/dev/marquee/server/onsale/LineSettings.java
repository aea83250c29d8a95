package dev.marquee.server.onsale;

import java.time.Duration;

/**
 * The waiting room's numbers. An admitted fan may start holding within {@code admissionWindow}. Every
 * {@code round} the line admits its next fans at a pace that starts at {@code startRate} fans a second and moves
 * between {@code startRate / 4} and {@code maxRate} (see {@link Pace}). An AUTO line disengages once nobody has
 * waited or been admitted-and-not-yet-holding for {@code autoIdle}.
 */
public record LineSettings(Duration admissionWindow, Duration round, Duration autoIdle, double startRate,
                           double maxRate) {
}
