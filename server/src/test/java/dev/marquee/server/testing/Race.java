package dev.marquee.server.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/** Runs N requests on N real threads released at the same instant, and answers every result in order. */
public final class Race {

    private Race() {
    }

    public static <T> List<T> run(int contenders, IntFunction<T> contender) {
        CountDownLatch ready = new CountDownLatch(contenders);
        CountDownLatch go = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newFixedThreadPool(contenders)) {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < contenders; i++) {
                int index = i;
                futures.add(threads.submit(() -> {
                    ready.countDown();
                    go.await();
                    return contender.apply(index);
                }));
            }
            ready.await();
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("A contender failed", e.getCause());
        }
    }

    /** How many results have each status, for assertion messages. */
    public static String statuses(List<ApiResponse> results) {
        return results.stream().collect(java.util.stream.Collectors.groupingBy(
                r -> r.status() + (r.error() == null ? "" : " " + r.error()), java.util.TreeMap::new,
                java.util.stream.Collectors.counting())).toString();
    }
}
