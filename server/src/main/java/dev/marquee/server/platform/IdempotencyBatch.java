package dev.marquee.server.platform;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Idempotency keys claimed and answered inside the transaction that does the work, for many requests at once (the
 * batched box-office sales). The claim commits with the effect and its answer or not at all, so no key is ever left
 * half-claimed. A key another transaction is claiming makes this one wait for it and then replay its answer.
 */
public final class IdempotencyBatch {

    /** One request's key and the fingerprint of what it asked. */
    public record Claim(UUID caller, String key, byte[] requestHash) {
    }

    /** What the key says about one request. */
    public sealed interface Verdict {
        /** The key is new: run the request and {@link #completeAll complete} it. */
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

    /** The answer to remember for a claimed key. */
    public record Completion(UUID caller, String key, int status, byte[] body) {
    }

    private static final HexFormat HEX = HexFormat.of();

    private IdempotencyBatch() {
    }

    /** Claims every key in one statement; answers one verdict per claim, in order. */
    public static List<Verdict> claimAll(Tx tx, List<Claim> claims) {
        Map<String, Integer> firstWithKey = new HashMap<>();
        List<Claim> distinct = new ArrayList<>();
        for (int i = 0; i < claims.size(); i++) {
            if (firstWithKey.putIfAbsent(id(claims.get(i).caller(), claims.get(i).key()), i) == null) {
                distinct.add(claims.get(i));
            }
        }
        Set<String> claimed = new HashSet<>(tx.list("""
                INSERT INTO idempotency_keys (user_id, idem_key, request_hash, state)
                SELECT c.user_id, c.idem_key, decode(c.hash, 'hex'), 'IN_PROGRESS'
                FROM unnest(?::uuid[], ?::text[], ?::text[]) AS c(user_id, idem_key, hash)
                ON CONFLICT DO NOTHING RETURNING user_id, idem_key""",
                row -> id(Tx.uuid(row, "user_id"), row.getString("idem_key")),
                tx.uuids(distinct.stream().map(Claim::caller).toList()),
                tx.texts(distinct.stream().map(Claim::key).toList()),
                tx.texts(distinct.stream().map(claim -> HEX.formatHex(claim.requestHash())).toList())));
        Map<String, Idempotency.Stored> stored = storedAnswers(tx, distinct, claimed);
        List<Verdict> verdicts = new ArrayList<>();
        for (int i = 0; i < claims.size(); i++) {
            Claim claim = claims.get(i);
            String id = id(claim.caller(), claim.key());
            int first = firstWithKey.get(id);
            if (first != i) {
                verdicts.add(new Verdict.SameAs(first));
            } else if (claimed.contains(id)) {
                verdicts.add(new Verdict.Run());
            } else {
                verdicts.add(verdictOf(stored.get(id), claim.requestHash()));
            }
        }
        return verdicts;
    }

    /** Stores every claimed request's answer in one statement. */
    public static void completeAll(Tx tx, List<Completion> completions) {
        if (completions.isEmpty()) {
            return;
        }
        tx.update("""
                UPDATE idempotency_keys k SET state = 'DONE', response_status = c.status, response_body = c.body
                FROM unnest(?::uuid[], ?::text[], ?::int[], ?::text[]) AS c(user_id, idem_key, status, body)
                WHERE k.user_id = c.user_id AND k.idem_key = c.idem_key""",
                tx.uuids(completions.stream().map(Completion::caller).toList()),
                tx.texts(completions.stream().map(Completion::key).toList()),
                tx.ints(completions.stream().map(Completion::status).toList()),
                tx.texts(completions.stream().map(c -> new String(c.body(), StandardCharsets.UTF_8)).toList()));
    }

    private static Map<String, Idempotency.Stored> storedAnswers(Tx tx, List<Claim> distinct, Set<String> claimed) {
        List<Claim> earlier = distinct.stream().filter(c -> !claimed.contains(id(c.caller(), c.key()))).toList();
        Map<String, Idempotency.Stored> stored = new HashMap<>();
        if (earlier.isEmpty()) {
            return stored;
        }
        tx.list("""
                SELECT k.user_id, k.idem_key, k.request_hash, k.state, k.response_status, k.response_body
                FROM idempotency_keys k JOIN unnest(?::uuid[], ?::text[]) AS c(user_id, idem_key)
                  ON k.user_id = c.user_id AND k.idem_key = c.idem_key""", row -> stored.put(
                        id(Tx.uuid(row, "user_id"), row.getString("idem_key")),
                        new Idempotency.Stored(row.getBytes("request_hash"), row.getString("state"),
                                (Integer) row.getObject("response_status"), row.getString("response_body"), false)),
                tx.uuids(earlier.stream().map(Claim::caller).toList()),
                tx.texts(earlier.stream().map(Claim::key).toList()));
        return stored;
    }

    private static Verdict verdictOf(Idempotency.Stored stored, byte[] requestHash) {
        if (stored == null) {
            // Claimed and rolled back between our insert and our read: the other request failed; ask for a retry.
            return new Verdict.Refuse(Idempotency.inProgress());
        }
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
