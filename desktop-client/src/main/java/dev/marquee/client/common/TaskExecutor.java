package dev.marquee.client.common;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * The one way the client runs slow work: the call runs on the background executor, and its result or failure
 * is handed to the callbacks on the UI executor. View models take this as a constructor argument so that
 * tests can pass executors that run everything on the calling thread.
 */
public final class TaskExecutor implements AutoCloseable {

    /** Work that may block and may fail. */
    @FunctionalInterface
    public interface Call<T> {
        T call() throws Exception;
    }

    private final Executor background;
    private final Executor ui;

    public TaskExecutor(Executor background, Executor ui) {
        this.background = background;
        this.ui = ui;
    }

    /** Calls run on virtual threads: they spend their life waiting on the network, which costs a virtual thread nothing. */
    public static TaskExecutor forJavaFx() {
        return new TaskExecutor(Executors.newVirtualThreadPerTaskExecutor(), Platform::runLater);
    }

    /** Where callbacks run (the FX thread, or the test's thread): for work that arrives on its own, like pushes. */
    public Executor ui() {
        return ui;
    }

    /** Once closed, a call is dropped: the window it would answer is going away (a timer may still fire). */
    public <T> void run(Call<T> call, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure) {
        try {
            background.execute(() -> {
                T result;
                try {
                    result = call.call();
                } catch (Exception failure) {
                    ui.execute(() -> onFailure.accept(failure));
                    return;
                }
                ui.execute(() -> onSuccess.accept(result));
            });
        } catch (RejectedExecutionException closed) {
            // Nothing is waiting for the answer any more.
        }
    }

    @Override
    public void close() {
        if (background instanceof ExecutorService service) {
            service.shutdownNow();
        }
    }
}
