package dev.marquee.server.onsale;

import dev.marquee.model.error.ErrorCode;
import dev.marquee.model.line.PlaceState;
import dev.marquee.server.platform.ApiException;
import dev.marquee.server.platform.Tx;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Place rows, read and written in bulk where a batch of joins or a round moves many at once. */
public final class Places {

    private static final String COLUMNS = "show_id, user_id, number, state, admitted_at, admitted_until";

    private Places() {
    }

    static Optional<Place> find(Tx tx, long showId, UUID userId) {
        return tx.first("SELECT " + COLUMNS + " FROM queue_places WHERE show_id = ? AND user_id = ?",
                Places::row, showId, userId);
    }

    /** The places of these accounts, locked: a join batch renews some of them. */
    static Map<UUID, Place> lockAll(Tx tx, long showId, Collection<UUID> userIds) {
        Map<UUID, Place> places = new HashMap<>();
        tx.list("SELECT " + COLUMNS + " FROM queue_places WHERE show_id = ? AND user_id = ANY(?) FOR UPDATE",
                Places::row, showId, tx.uuids(userIds)).forEach(place -> places.put(place.userId(), place));
        return places;
    }

    /** Writes new and renewed places in one statement; a renewed place starts afresh (its admission unused). */
    static void saveAll(Tx tx, long showId, List<Place> places) {
        if (places.isEmpty()) {
            return;
        }
        tx.update("""
                INSERT INTO queue_places (show_id, user_id, number, state, admitted_at, admitted_until)
                SELECT ?, p.user_id, p.number, p.state, p.admitted_at::timestamptz, p.admitted_until::timestamptz
                FROM unnest(?::uuid[], ?::bigint[], ?::text[], ?::text[], ?::text[])
                     AS p(user_id, number, state, admitted_at, admitted_until)
                ON CONFLICT (show_id, user_id) DO UPDATE SET number = excluded.number, state = excluded.state,
                    joined_at = now(), admitted_at = excluded.admitted_at, admitted_until = excluded.admitted_until,
                    used_at = NULL""",
                showId, tx.uuids(places.stream().map(Place::userId).toList()),
                tx.bigints(places.stream().map(Place::number).toList()),
                tx.texts(places.stream().map(place -> place.state().name()).toList()),
                tx.texts(places.stream().map(place -> text(place.admittedAt())).toList()),
                tx.texts(places.stream().map(place -> text(place.admittedUntil())).toList()));
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    static void setState(Tx tx, long showId, UUID userId, PlaceState state) {
        tx.update("UPDATE queue_places SET state = ? WHERE show_id = ? AND user_id = ?", state, showId, userId);
    }

    /**
     * Inside a FAN's hold: takes the fan's admission to the show, which must be within its window, and marks it in
     * use so the line does not hand its share to the next fan. Without one the hold is refused and changes nothing.
     */
    public static void useAdmission(Tx tx, long showId, UUID userId) {
        int admitted = tx.update("""
                UPDATE queue_places SET used_at = coalesce(used_at, now())
                WHERE show_id = ? AND user_id = ? AND state = 'ADMITTED' AND admitted_until > now()""", showId, userId);
        if (admitted == 0) {
            throw queueRequired(showId);
        }
    }

    /** Whether the account holds an admission to the show that is within its window. */
    static boolean admitted(Tx tx, long showId, UUID userId) {
        return tx.first("""
                SELECT 1 FROM queue_places
                WHERE show_id = ? AND user_id = ? AND state = 'ADMITTED' AND admitted_until > now()""",
                row -> true, showId, userId).isPresent();
    }

    public static ApiException queueRequired(long showId) {
        return new ApiException(ErrorCode.QUEUE_REQUIRED, "This show is selling through its waiting line. Please "
                + "join the line (POST /api/shows/" + showId + "/queue); you can book once you are admitted.",
                Map.of("showId", showId));
    }

    private static Place row(ResultSet row) throws SQLException {
        return new Place(row.getLong("show_id"), Tx.uuid(row, "user_id"), Tx.nullableLong(row, "number"),
                PlaceState.valueOf(row.getString("state")), Tx.instant(row, "admitted_at"),
                Tx.instant(row, "admitted_until"));
    }
}
