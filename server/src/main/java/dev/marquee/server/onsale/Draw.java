package dev.marquee.server.onsale;

import dev.marquee.server.audit.Audit;
import dev.marquee.server.db.Tx;
import dev.marquee.server.platform.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;

/**
 * The draw at a show's opening: everyone who took a place before it gets a number in an order no one can predict
 * or influence (a Fisher-Yates shuffle driven by {@link SecureRandom}), so nothing is won by joining early or at the
 * last moment. Later joiners are numbered after them. The audit records how many were drawn, the numbers they got,
 * and a SHA-256 of the drawn order, so the draw can be checked afterwards against the stored places.
 */
final class Draw {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Draw() {
    }

    /** Numbers every place awaiting the draw; the line's row is locked. */
    static void run(Tx tx, Line line, Audit audit) {
        List<UUID> drawn = new ArrayList<>(tx.list("""
                SELECT user_id FROM queue_places WHERE show_id = ? AND state = 'WAITING' AND number IS NULL
                ORDER BY joined_at, user_id FOR UPDATE""", row -> Tx.uuid(row, "user_id"), line.showId));
        Collections.shuffle(drawn, RANDOM);
        long first = line.nextNumber;
        List<Long> numbers = LongStream.range(first, first + drawn.size()).boxed().toList();
        tx.update("""
                UPDATE queue_places p SET number = d.number
                FROM unnest(?::uuid[], ?::bigint[]) AS d(user_id, number)
                WHERE p.show_id = ? AND p.user_id = d.user_id""",
                tx.uuids(drawn), tx.bigints(numbers), line.showId);
        line.nextNumber += drawn.size();
        line.awaitingDraw = 0;
        audit.record(tx, "system", "LINE_DRAWN", line.showId, Map.of("places", drawn.size(),
                "firstNumber", first, "lastNumber", first + drawn.size() - 1, "orderSha256", digest(drawn)));
    }

    private static String digest(List<UUID> order) {
        MessageDigest sha = Sha256.start();
        order.forEach(userId -> sha.update((userId + "\n").getBytes(StandardCharsets.US_ASCII)));
        return HexFormat.of().formatHex(sha.digest());
    }
}
