package dev.marquee.server.auth;

import dev.marquee.model.auth.Role;
import dev.marquee.server.db.Row;
import dev.marquee.server.db.Statements;
import dev.marquee.server.platform.BackgroundWork;
import dev.marquee.server.platform.BatchWorker;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Session look-ups, many in one query. In an on-sale thousands of fans a second make their first request to an
 * instance, each a token it has not seen: one read-only transaction for every few hundred of them costs the
 * database and the pool a fraction of one each (with a transaction per look-up, the database spent more on the
 * look-ups than on the joins they were for).
 */
final class SessionLookups implements BackgroundWork {

    private static final int MAX_BATCH = 1_000;
    private static final int MAX_WAITING = 100_000;

    private final Statements statements;
    private final BatchWorker<String, Optional<SessionCache.Found>> worker;

    SessionLookups(Statements statements) {
        this.statements = statements;
        this.worker = new BatchWorker<>("session-lookups", MAX_BATCH, MAX_WAITING, BatchWorker.GATHER, this::serve);
    }

    /** The live session of the token whose SHA-256 this is (in hex), or empty. */
    Optional<SessionCache.Found> find(String tokenDigest) {
        return worker.submit(tokenDigest);
    }

    private void serve(List<BatchWorker.Pending<String, Optional<SessionCache.Found>>> batch) {
        Map<String, SessionCache.Found> found = new HashMap<>();
        String[] digests = batch.stream().map(BatchWorker.Pending::request).toArray(String[]::new);
        statements.read(db -> {
            db.createNamedQuery("sessions-live").addParam("digests", digests).execute().map(Row::of)
                    .forEach(row -> found.put(row.text("digest"), new SessionCache.Found(
                            new Caller(row.uuid("id"), row.text("email"), row.text("display_name"),
                                    Role.valueOf(row.text("role"))),
                            Duration.ofMillis(row.number("left_ms")))));
            return null;
        });
        batch.forEach(pending -> pending.answer().complete(Optional.ofNullable(found.get(pending.request()))));
    }

    @Override
    public void start() {
        worker.start();
    }

    @Override
    public void stop(Duration grace) {
        worker.stop(grace);
    }
}
