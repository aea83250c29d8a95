package dev.marquee.server.auth;

import dev.marquee.model.auth.Role;
import dev.marquee.server.db.Transactions;
import dev.marquee.server.db.Tx;
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

    private final Transactions transactions;
    private final BatchWorker<String, Optional<SessionCache.Found>> worker;

    SessionLookups(Transactions transactions) {
        this.transactions = transactions;
        this.worker = new BatchWorker<>("session-lookups", MAX_BATCH, MAX_WAITING, this::serve);
    }

    /** The live session of the token whose SHA-256 this is (in hex), or empty. */
    Optional<SessionCache.Found> find(String tokenDigest) {
        return worker.submit(tokenDigest);
    }

    private void serve(List<BatchWorker.Pending<String, Optional<SessionCache.Found>>> batch) {
        Map<String, SessionCache.Found> found = new HashMap<>();
        transactions.inSnapshot(tx -> tx.list("""
                SELECT encode(s.token_hash, 'hex') AS digest, u.id, u.email, u.display_name, u.role,
                       extract(epoch FROM s.expires_at - now()) * 1000 AS left_ms
                FROM sessions s JOIN users u ON u.id = s.user_id
                WHERE s.token_hash = ANY(SELECT decode(d, 'hex') FROM unnest(?::text[]) AS d)
                  AND s.expires_at > now()""",
                row -> found.put(row.getString("digest"), new SessionCache.Found(
                        new Caller(Tx.uuid(row, "id"), row.getString("email"), row.getString("display_name"),
                                Role.valueOf(row.getString("role"))),
                        Duration.ofMillis(row.getLong("left_ms")))),
                tx.texts(batch.stream().map(BatchWorker.Pending::request).toList())));
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
