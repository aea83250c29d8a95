package dev.marquee.server.platform;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Waiting for what another thread works out. */
public final class Futures {

    private Futures() {
    }

    /** The future's result, or the runtime failure that ended it, thrown as itself rather than wrapped. */
    public static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw e;
        }
    }
}
