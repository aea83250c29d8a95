package dev.marquee.server.idempotency;

import dev.marquee.server.db.Pipeline;
import dev.marquee.server.db.Tx;
import dev.marquee.server.error.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Idempotency keys for many requests at once (the batched box-office sales), kept inside the transaction that does
 * the work: keys already answered are looked up first; the new ones are written once, with their answers, as the
 * work's last step. A key that another transaction wrote meanwhile makes {@link #storeAll} throw
 * {@link KeyConflict}: the whole transaction is then rolled back and run again, and that request hears the stored
 * answer. So every key is written exactly once, by the transaction whose effect it records.
 */
public final class IdempotencyBatch {

    /** One request's key and the fingerprint of what it asked. */
    public record Claim(UUID caller, String key, byte[] requestHash) {
    }

    /** What the key says about one request. */
    public sealed interface Verdict {
        /** The key is new: run the request and {@link #storeAll store} its answer. */
        record Run() implements Verdict {
        }

        /** The key was answered before: send this again. */
        record Replay(int status, byte[] body) implements Verdict {
        }

        /** The key cannot be used for this request now. */
        record Refuse(ApiException failure) implements Verdict {
        }

        /** An earlier request in the same batch has the same key: answer as it is answered. */
        record SameAs(int index) implements Verdict {
        }
    }

    /** The answer to remember under a new key. */
    public record Completion(UUID caller, String key, byte[] requestHash, int status, byte[] body) {
    }

    private static final HexFormat HEX = HexFormat.of();

    private IdempotencyBatch() {
    }

    /** Keys looked up as part of a pipeline: their verdicts once it has run. */
    public static final class Lookup {
        private final List<Claim> claims;
        private final Map<String, Integer> firstWithKey = new HashMap<>();
        private final Map<String, Idempotency.Stored> stored = new HashMap<>();

        private Lookup(List<Claim> claims) {
            this.claims = claims;
        }

        /** One verdict per claim, in order. */
        public List<Verdict> verdicts() {
            List<Verdict> verdicts = new ArrayList<>();
            for (int i = 0; i < claims.size(); i++) {
                Claim claim = claims.get(i);
                String id = id(claim.caller(), claim.key());
                int first = firstWithKey.get(id);
                if (first != i) {
                    verdicts.add(new Verdict.SameAs(first));
                } else if (stored.containsKey(id)) {
                    verdicts.add(verdictOf(stored.get(id), claim.requestHash()));
                } else {
                    verdicts.add(new Verdict.Run());
                }
            }
            return verdicts;
        }
    }

    /** Adds the look-up of every key to {@code reads}, one statement; the verdicts are known once it has run. */
    public static Lookup lookup(Pipeline reads, List<Claim> claims) {
        Lookup lookup = new Lookup(claims);
        List<Claim> distinct = new ArrayList<>();
        for (int i = 0; i < claims.size(); i++) {
            if (lookup.firstWithKey.putIfAbsent(id(claims.get(i).caller(), claims.get(i).key()), i) == null) {
                distinct.add(claims.get(i));
            }
        }
        reads.query("""
                SELECT k.user_id, k.idem_key, k.request_hash, k.state, k.response_status, k.response_body
                FROM idempotency_keys k JOIN unnest(?::uuid[], ?::text[]) AS c(user_id, idem_key)
                  ON k.user_id = c.user_id AND k.idem_key = c.idem_key""", row -> lookup.stored.put(
                        id(Tx.uuid(row, "user_id"), row.getString("idem_key")),
                        new Idempotency.Stored(row.getBytes("request_hash"), row.getString("state"),
                                (Integer) row.getObject("response_status"), row.getString("response_body"), false)),
                reads.uuids(distinct.stream().map(Claim::caller).toList()),
                reads.texts(distinct.stream().map(Claim::key).toList()));
        return lookup;
    }

    /**
     * Adds every new key with its answer, in one statement; when the writes run, throws {@link KeyConflict} if one was
     * taken meanwhile.
     */
    public static void storeAll(Pipeline writes, List<Completion> completions) {
        if (completions.isEmpty()) {
            return;
        }
        writes.add("""
                INSERT INTO idempotency_keys (user_id, idem_key, request_hash, state, response_status, response_body)
                SELECT c.user_id, c.idem_key, decode(c.hash, 'hex'), 'DONE', c.status, c.body
                FROM unnest(?::uuid[], ?::text[], ?::text[], ?::int[], ?::text[]) AS c(user_id, idem_key, hash, status, body)
                ON CONFLICT DO NOTHING""", stored -> {
                    if (stored != completions.size()) {
                        throw new KeyConflict();
                    }
                },
                writes.uuids(completions.stream().map(Completion::caller).toList()),
                writes.texts(completions.stream().map(Completion::key).toList()),
                writes.texts(completions.stream().map(c -> HEX.formatHex(c.requestHash())).toList()),
                writes.ints(completions.stream().map(Completion::status).toList()),
                writes.texts(completions.stream().map(c -> new String(c.body(), StandardCharsets.UTF_8)).toList()));
    }

    /** Another transaction wrote one of the keys first: roll back and run again, and that request replays its answer. */
    public static final class KeyConflict extends RuntimeException {
        KeyConflict() {
            super("An idempotency key was written by another transaction meanwhile", null, false, false);
        }
    }

    private static Verdict verdictOf(Idempotency.Stored stored, byte[] requestHash) {
        try {
            Idempotency.checkReplayable(stored, requestHash);
        } catch (ApiException refusal) {
            return new Verdict.Refuse(refusal);
        }
        return new Verdict.Replay(stored.status(), stored.body().getBytes(StandardCharsets.UTF_8));
    }

    private static String id(UUID caller, String key) {
        return caller + "\n" + key;
    }
}
