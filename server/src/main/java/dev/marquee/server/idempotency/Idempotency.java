package dev.marquee.server.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import dev.marquee.model.error.ErrorCode;
import dev.marquee.server.db.Retention;
import dev.marquee.server.db.TransactionRunner;
import dev.marquee.server.db.Transactions;
import dev.marquee.server.db.Tx;
import dev.marquee.server.error.ApiException;
import dev.marquee.server.http.ErrorResponses;
import dev.marquee.server.http.HttpJson;
import dev.marquee.server.http.RequestBody;
import dev.marquee.server.platform.Sha256;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stripe-style idempotency keys. A key is claimed in its own short transaction; the operation then runs in a
 * transaction that also stores its answer, so an effect and its recorded answer commit together or not at all.
 * A 4xx answer is stored too (a retry hears it again); a 5xx, 429 or QUEUE_REQUIRED answer releases the key so a
 * retry runs again.
 * Box-office sales claim their keys inside the sale's own transaction instead, many at once ({@link IdempotencyBatch}).
 */
public final class Idempotency {

    public static final HeaderName KEY_HEADER = HeaderNames.create("Idempotency-Key");
    public static final HeaderName REPLAYED_HEADER = HeaderNames.create("Idempotent-Replayed");
    /**
     * A claim of another instance older than this belongs to a request that died with its server; a retry may take
     * it over. A claim of this instance is taken over at once when this instance no longer runs its request (its
     * release failed, say, because the database was failing over).
     */
    private static final Duration ABANDONED_AFTER = Duration.ofMinutes(2);

    /** The operation whose answer is remembered. */
    @FunctionalInterface
    public interface Operation {
        Object run(Tx tx);
    }

    record Stored(byte[] requestHash, String state, Integer status, String body, boolean abandoned) {
    }

    private final Transactions transactions;
    private final HttpJson json;
    private final ErrorResponses errors;
    private final ObjectMapper canonical;
    /** This instance, in the claims it makes. */
    private final UUID instance = UUID.randomUUID();
    /** Caller and key of every request this instance runs under a claim right now. */
    private final Set<String> running = ConcurrentHashMap.newKeySet();

    public Idempotency(Transactions transactions, HttpJson json, ErrorResponses errors) {
        this.transactions = transactions;
        this.json = json;
        this.errors = errors;
        this.canonical = json.mapper().copy().configure(JsonNodeFeature.WRITE_PROPERTIES_SORTED, true);
    }

    /** The Idempotency-Key header, checked against the contract's 1..255 characters. */
    public String requireKey(ServerRequest request) {
        String key = request.headers().first(KEY_HEADER)
                .orElseThrow(() -> ApiException.validation("Idempotency-Key",
                        "This request needs an Idempotency-Key header (1 to 255 characters)."));
        if (key.isEmpty() || key.length() > 255) {
            throw ApiException.validation("Idempotency-Key", "The Idempotency-Key must be 1 to 255 characters.");
        }
        return key;
    }

    /** Runs the operation once per caller and key, answering with {@code success} or the stored answer. */
    public void run(ServerRequest request, ServerResponse response, UUID caller, String key, RequestBody body,
                    Status success, Operation operation) {
        run(request, response, caller, key, body, success, transactions, operation);
    }

    /** As above, with the operation and its stored answer run by {@code runner} (a booking lane, say). */
    public void run(ServerRequest request, ServerResponse response, UUID caller, String key, RequestBody body,
                    Status success, TransactionRunner runner, Operation operation) {
        byte[] hash = fingerprint(request, body);
        String runningKey = caller + " " + key;
        if (!running.add(runningKey)) {
            throw inProgress();
        }
        try {
            runClaimed(response, caller, key, hash, success, runner, operation);
        } finally {
            running.remove(runningKey);
        }
    }

    private void runClaimed(ServerResponse response, UUID caller, String key, byte[] hash, Status success,
                            TransactionRunner runner, Operation operation) {
        Stored existing = claim(caller, key, hash);
        if (existing != null) {
            replay(response, existing, hash);
            return;
        }
        byte[] answer;
        try {
            answer = runner.inTransaction(tx -> {
                try {
                    byte[] bytes = json.toBytes(operation.run(tx));
                    complete(tx, caller, key, success.code(), bytes);
                    return bytes;
                } catch (ApiException e) {
                    if (e.keepChanges()) {
                        complete(tx, caller, key, e.code().httpStatus(), errors.bodyOf(e));
                    }
                    throw e;
                }
            });
        } catch (ApiException e) {
            if (e.code().httpStatus() >= 500 || notNow(e)) {
                release(caller, key);
            } else if (!e.keepChanges()) {
                transactions.inTransaction(tx -> {
                    // A refusal changed nothing: if its stored answer is lost, a retry is simply refused again.
                    tx.commitWithoutWaitingForDisk();
                    return complete(tx, caller, key, e.code().httpStatus(), errors.bodyOf(e));
                });
            }
            throw e;
        } catch (RuntimeException | Error e) {
            release(caller, key);
            throw e;
        }
        json.sendRaw(response, success, answer);
    }

    /**
     * A refusal that says "not now" rather than "no": too many requests, or join the show's line first. Like a 5xx
     * it is not stored, so the same request with the same key runs once the caller may.
     */
    private static boolean notNow(ApiException e) {
        return e.code() == ErrorCode.TOO_MANY_REQUESTS || e.code() == ErrorCode.QUEUE_REQUIRED;
    }

    private Stored claim(UUID caller, String key, byte[] hash) {
        return transactions.inTransaction(tx -> {
            // A claim lost in a crash was never answered; once the outcome commits durably, so has the claim.
            tx.commitWithoutWaitingForDisk();
            int claimed = tx.update("""
                    INSERT INTO idempotency_keys (user_id, idem_key, request_hash, state, claimed_by)
                    VALUES (?, ?, ?, 'IN_PROGRESS', ?) ON CONFLICT DO NOTHING""", caller, key, hash, instance);
            if (claimed == 1) {
                return null;
            }
            Stored stored = tx.one("""
                    SELECT request_hash, state, response_status, response_body,
                           (locked_at < now() - make_interval(secs => ?) OR claimed_by = ?) AS abandoned
                    FROM idempotency_keys WHERE user_id = ? AND idem_key = ? FOR UPDATE""",
                    row -> new Stored(row.getBytes("request_hash"), row.getString("state"),
                            (Integer) row.getObject("response_status"), row.getString("response_body"),
                            row.getBoolean("abandoned")),
                    (double) ABANDONED_AFTER.toSeconds(), instance, caller, key);
            // A claim of this instance is abandoned here: this request holds the only running slot for its key.
            if (stored.state().equals("IN_PROGRESS") && stored.abandoned() && Arrays.equals(stored.requestHash(), hash)) {
                tx.update("UPDATE idempotency_keys SET locked_at = now(), claimed_by = ? WHERE user_id = ? AND idem_key = ?",
                        instance, caller, key);
                return null;
            }
            return stored;
        });
    }

    private void replay(ServerResponse response, Stored stored, byte[] hash) {
        checkReplayable(stored, hash);
        sendReplay(response, stored.status(), stored.body().getBytes(StandardCharsets.UTF_8));
    }

    /** Sends a stored answer again, marked as a replay. */
    public void sendReplay(ServerResponse response, int status, byte[] body) {
        response.header(REPLAYED_HEADER, "true");
        json.sendRaw(response, Status.create(status), body);
    }

    /** Refuses a stored key that belongs to a different request or whose request is still running. */
    static void checkReplayable(Stored stored, byte[] hash) {
        if (!Arrays.equals(stored.requestHash(), hash)) {
            throw new ApiException(ErrorCode.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was already used for a different request.");
        }
        if (stored.state().equals("IN_PROGRESS")) {
            throw inProgress();
        }
    }

    static ApiException inProgress() {
        return new ApiException(ErrorCode.IDEMPOTENCY_IN_PROGRESS,
                "A request with this Idempotency-Key is still being processed. Try again in a moment.");
    }

    private static Void complete(Tx tx, UUID caller, String key, int status, byte[] body) {
        tx.update("""
                UPDATE idempotency_keys SET state = 'DONE', response_status = ?, response_body = ?
                WHERE user_id = ? AND idem_key = ?""", status, new String(body, StandardCharsets.UTF_8), caller, key);
        return null;
    }

    private void release(UUID caller, String key) {
        try {
            transactions.inTransaction(tx -> {
                tx.commitWithoutWaitingForDisk();
                return tx.update(
                        "DELETE FROM idempotency_keys WHERE user_id = ? AND idem_key = ? AND state = 'IN_PROGRESS'",
                        caller, key);
            });
        } catch (RuntimeException e) {
            // A retry here takes the claim over; elsewhere it ages out after ABANDONED_AFTER. The original failure
            // is what the caller hears, and it was logged already.
            System.getLogger(Idempotency.class.getName())
                    .log(System.Logger.Level.DEBUG, "Could not release an idempotency key: {0}", e.getMessage());
        }
    }

    /** What the retention sweep deletes: keys older than {@code kept} (the contract keeps them 24 hours at least). */
    public static Retention.Rule expiringKeys(Duration kept) {
        return new Retention.Rule("idempotency_keys", "created_at < now() - make_interval(secs => ?)",
                (double) kept.toSeconds());
    }

    /** What the request asked, to tell a retry from a different request under the same key. */
    public byte[] fingerprint(ServerRequest request, RequestBody body) {
        try {
            MessageDigest digest = Sha256.start();
            digest.update((request.prologue().method().text() + " " + request.path().path() + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            if (body != null) {
                digest.update(canonical.writeValueAsBytes(body.json()));
            }
            return digest.digest();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not fingerprint a request", e);
        }
    }
}
