package dev.marquee.client.common;

/** Executors for tests: no FX thread is running, so callbacks run on the test's own thread. */
public final class Tasks {

    private Tasks() {
    }

    public static TaskExecutor sameThread() {
        return new TaskExecutor(Runnable::run, Runnable::run);
    }
}
