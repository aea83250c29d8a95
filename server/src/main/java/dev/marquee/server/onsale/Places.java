package dev.marquee.server.onsale;

import dev.marquee.model.error.ErrorCode;
import dev.marquee.model.line.PlaceState;
import dev.marquee.server.db.Pipeline;
import dev.marquee.server.db.Row;
import dev.marquee.server.db.Tx;
import dev.marquee.server.error.ApiException;
import io.helidon.dbclient.DbExecute;
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

    /** The account's place in the show's line, through the named statement {@code line-place}. */
    static Optional<Place> find(DbExecute db, long showId, UUID userId) {
        return db.createNamedGet("line-place").addParam("showId", showId).addParam("userId", userId).execute()
                .map(Row::of).map(Places::row);
    }

    /** The places of these accounts, locked: a join batch renews some of them. */
    static Map<UUID, Place> lockAll(Tx tx, long showId, Collection<UUID> userIds) {
        Map<UUID, Place> places = new HashMap<>();
        Pipeline locking = tx.pipeline();
        addLockAll(locking, showId, userIds, places);
        locking.run();
        return places;
    }

    /** Adds the statement that locks these accounts' places; {@code into} gets them by account. */
    static void addLockAll(Pipeline pipeline, long showId, Collection<UUID> userIds, Map<UUID, Place> into) {
        pipeline.query("SELECT " + COLUMNS + " FROM queue_places WHERE show_id = ? AND user_id = ANY(?) FOR UPDATE",
                row -> into.put(Tx.uuid(row, "user_id"), row(Row.of(row))), showId, pipeline.uuids(userIds));
    }

    /** Adds the statement that writes new and renewed places; a renewed place starts afresh (admission unused). */
    static void addSaveAll(Pipeline pipeline, long showId, List<Place> places) {
        if (places.isEmpty()) {
            return;
        }
        pipeline.add("""
                INSERT INTO queue_places (show_id, user_id, number, state, admitted_at, admitted_until)
                SELECT ?, p.user_id, p.number, p.state, p.admitted_at::timestamptz, p.admitted_until::timestamptz
                FROM unnest(?::uuid[], ?::bigint[], ?::text[], ?::text[], ?::text[])
                     AS p(user_id, number, state, admitted_at, admitted_until)
                ON CONFLICT (show_id, user_id) DO UPDATE SET number = excluded.number, state = excluded.state,
                    joined_at = now(), admitted_at = excluded.admitted_at, admitted_until = excluded.admitted_until,
                    used_at = NULL""",
                showId, pipeline.uuids(places.stream().map(Place::userId).toList()),
                pipeline.bigints(places.stream().map(Place::number).toList()),
                pipeline.texts(places.stream().map(place -> place.state().name()).toList()),
                pipeline.texts(places.stream().map(place -> text(place.admittedAt())).toList()),
                pipeline.texts(places.stream().map(place -> text(place.admittedUntil())).toList()));
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
    static boolean admitted(DbExecute db, long showId, UUID userId) {
        return db.createNamedGet("line-admitted").addParam("showId", showId).addParam("userId", userId).execute()
                .isPresent();
    }

    public static ApiException queueRequired(long showId) {
        return new ApiException(ErrorCode.QUEUE_REQUIRED, "This show is selling through its waiting line. Please "
                + "join the line (POST /api/shows/" + showId + "/queue); you can book once you are admitted.",
                Map.of("showId", showId));
    }

    private static Place row(Row row) {
        return new Place(row.number("show_id"), row.uuid("user_id"), row.nullableNumber("number"),
                PlaceState.valueOf(row.text("state")), row.instant("admitted_at"), row.instant("admitted_until"));
    }
}
