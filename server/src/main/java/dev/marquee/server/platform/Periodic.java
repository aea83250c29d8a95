package dev.marquee.server.platform;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Work that runs again and again with a fixed pause between runs, on a thread of its own, from the server's start
 * to its stop. A run that fails is logged in one line and the next run tries again: the database may be restarting.
 */
public final class Periodic implements BackgroundWork {

    private static final System.Logger LOG = System.getLogger(Periodic.class.getName());

    private final String name;
    private final Duration pause;
    private final Runnable work;
    private ScheduledExecutorService scheduler;

    public Periodic(String name, Duration pause, Runnable work) {
        this.name = name;
        this.pause = pause;
        this.work = work;
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name(name).daemon().factory());
        scheduler.scheduleWithFixedDelay(this::runSafely, pause.toMillis(), pause.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop(Duration grace) {
        if (scheduler == null) {
            return;
        }
        scheduler.shutdown();
        try {
            scheduler.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void runSafely() {
        try {
            work.run();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "{0} failed: {1}", name, e.getMessage());
        }
    }
}
