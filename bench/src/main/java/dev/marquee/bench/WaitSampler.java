package dev.marquee.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What PostgreSQL's working processes were doing, sampled from {@code pg_stat_activity} every 10 ms and counted
 * per {@link Timeline} window: {@code CPU} when running, otherwise the wait event (for example {@code IO:WalSync}
 * for a commit's flush or {@code LWLock:WALWrite} for one waiting behind it); an autovacuum worker with what it
 * works on, for example {@code autovacuum worker (VACUUM orders)}. Idle processes and the sampler itself
 * are left out. Each sample costs the database a little CPU, so a sampled step runs slightly slower.
 */
final class WaitSampler implements AutoCloseable {

    private static final String ACTIVITY = """
            SELECT CASE WHEN backend_type = 'autovacuum worker'
                        THEN 'autovacuum worker (' || replace(regexp_replace(query, '^autovacuum: ', ''), 'public.', '') || ')'
                        ELSE backend_type END,
                   coalesce(wait_event_type || ':' || wait_event, 'CPU')
            FROM pg_stat_activity
            WHERE pid <> pg_backend_pid() AND (state = 'active' OR backend_type <> 'client backend')
              AND coalesce(wait_event_type, '') NOT IN ('Activity', 'Client')""";

    private final Map<Integer, Map<String, Integer>> byWindow = new ConcurrentHashMap<>();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final Thread thread;

    private WaitSampler(Connection connection, Timeline timeline) {
        thread = Thread.ofPlatform().name("wait-sampler").start(() -> sample(connection, timeline));
    }

    static WaitSampler start(Connection connection, Timeline timeline) {
        return new WaitSampler(connection, timeline);
    }

    private void sample(Connection connection, Timeline timeline) {
        try (connection; Statement statement = connection.createStatement()) {
            while (!stopped.get()) {
                int window = timeline.window(System.nanoTime());
                if (window >= 0) {
                    try (ResultSet rows = statement.executeQuery(ACTIVITY)) {
                        while (rows.next()) {
                            String what = rows.getString(1).replace("client backend", "backend") + " " + rows.getString(2);
                            byWindow.computeIfAbsent(window, any -> new ConcurrentHashMap<>()).merge(what, 1, Integer::sum);
                        }
                    }
                }
                Thread.sleep(10);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Sampling pg_stat_activity failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The samples of one window, by what was seen. */
    Map<String, Integer> in(int window) {
        return new TreeMap<>(byWindow.getOrDefault(window, Map.of()));
    }

    /** All samples of the step, by what was seen. */
    Map<String, Integer> total() {
        Map<String, Integer> total = new TreeMap<>();
        byWindow.values().forEach(window -> window.forEach((what, count) -> total.merge(what, count, Integer::sum)));
        return total;
    }

    @Override
    public void close() throws InterruptedException {
        stopped.set(true);
        thread.join();
    }
}
