package dev.marquee.client.common;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** A clock and a ticker the test moves by hand: {@link #advance} moves time and fires every running tick once. */
public final class ManualTime extends Clock implements Ticker {

    private Instant now;
    private final ZoneId zone;
    private final List<Runnable> ticks = new ArrayList<>();

    public ManualTime(Instant start, ZoneId zone) {
        this.now = start;
        this.zone = zone;
    }

    public static ManualTime atNoon() {
        return new ManualTime(Fixtures.NOON.instant(), Fixtures.NOON.getZone());
    }

    public void advance(Duration by) {
        now = now.plus(by);
        List.copyOf(ticks).forEach(Runnable::run);
    }

    public int running() {
        return ticks.size();
    }

    @Override
    public Stoppable every(Duration period, Runnable tick) {
        ticks.add(tick);
        return () -> ticks.remove(tick);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new ManualTime(now, other);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
