package dev.marquee.server.onsale;

import dev.marquee.model.catalog.WaitingRoom;
import dev.marquee.server.catalog.CatalogService;
import dev.marquee.server.db.Pipeline;
import dev.marquee.server.db.Row;
import dev.marquee.server.db.Tx;
import io.helidon.dbclient.DbExecute;
import java.util.Optional;
import java.util.function.Consumer;

/** Line rows: made on first use, read, locked and written the one way every part of the waiting room does it. */
final class Lines {

    private static final String SELECT = """
            SELECT s.id AS show_id, s.waiting_room, s.on_sale, s.on_sale_at, l.opened_for,
                   coalesce(l.auto_engaged, false) AS auto_engaged, coalesce(l.next_number, 1) AS next_number,
                   coalesce(l.now_serving, 0) AS now_serving, coalesce(l.waiting, 0) AS waiting,
                   coalesce(l.awaiting_draw, 0) AS awaiting_draw, coalesce(l.admit_rate, 0) AS admit_rate,
                   coalesce(l.admitted_last_minute, 0) AS admitted_last_minute,
                   coalesce(l.sold_out, false) AS sold_out, l.idle_since, l.last_round_at, now() AS db_now
            """;

    private Lines() {
    }

    /**
     * The show's line, unlocked, through the named statement {@code line} (the same columns as {@link #SELECT}); a
     * show with no line row yet reads as an empty one.
     */
    static Optional<Line> read(DbExecute db, long showId) {
        return db.createNamedGet("line").addParam("showId", showId).execute().map(Row::of).map(Lines::row);
    }

    /** Locks the show's line row, making it first; a show that does not exist is not found. */
    static Line lock(Tx tx, long showId) {
        Pipeline locking = tx.pipeline();
        Line[] line = new Line[1];
        addLock(locking, showId, locked -> line[0] = locked);
        locking.run();
        if (line[0] == null) {
            throw CatalogService.showNotFound(showId);
        }
        return line[0];
    }

    /** Adds the statements that make the line row if need be and lock it; {@code locked} hears it (not if no show). */
    static void addLock(Pipeline pipeline, long showId, Consumer<Line> locked) {
        pipeline.add("INSERT INTO show_lines (show_id) SELECT id FROM shows WHERE id = ? ON CONFLICT DO NOTHING", showId)
                .query(SELECT + "FROM show_lines l JOIN shows s ON s.id = l.show_id WHERE l.show_id = ? FOR UPDATE OF l",
                        row -> {
                            locked.accept(row(Row.of(row)));
                            return null;
                        }, showId);
    }

    /**
     * Makes the line row if need be (a show whose opening is due may have no line yet: nobody joined) and locks it,
     * unless another instance has it locked (then empty: that instance runs the round).
     */
    static Optional<Line> ensureAndLockIfFree(Tx tx, long showId) {
        tx.update("INSERT INTO show_lines (show_id) SELECT id FROM shows WHERE id = ? ON CONFLICT DO NOTHING", showId);
        return tx.first(SELECT + """
                FROM show_lines l JOIN shows s ON s.id = l.show_id WHERE l.show_id = ? FOR UPDATE OF l SKIP LOCKED""",
                row -> row(Row.of(row)), showId);
    }

    /** Writes the counters a join, a leave or a round moved. */
    static void save(Tx tx, Line line) {
        Pipeline saving = tx.pipeline();
        addSave(saving, line);
        saving.run();
    }

    static void addSave(Pipeline pipeline, Line line) {
        pipeline.add("""
                UPDATE show_lines SET auto_engaged = ?, next_number = ?, now_serving = ?, waiting = ?, awaiting_draw = ?,
                       opened_for = ?, admit_rate = ?, admitted_last_minute = ?, sold_out = ?, idle_since = ?,
                       last_round_at = ?
                WHERE show_id = ?""",
                line.autoEngaged, line.nextNumber, line.nowServing, line.waiting, line.awaitingDraw, line.openedFor,
                line.admitRate, line.admittedLastMinute, line.soldOut, line.idleSince, line.lastRoundAt, line.showId);
    }

    private static Line row(Row row) {
        Line line = new Line(row.number("show_id"), WaitingRoom.valueOf(row.text("waiting_room")),
                row.flag("on_sale"), row.instant("on_sale_at"), row.instant("db_now"));
        line.openedFor = row.instant("opened_for");
        line.autoEngaged = row.flag("auto_engaged");
        line.nextNumber = row.number("next_number");
        line.nowServing = row.number("now_serving");
        line.waiting = row.number("waiting");
        line.awaitingDraw = row.number("awaiting_draw");
        line.admitRate = row.decimal("admit_rate");
        line.admittedLastMinute = row.number("admitted_last_minute");
        line.soldOut = row.flag("sold_out");
        line.idleSince = row.instant("idle_since");
        line.lastRoundAt = row.instant("last_round_at");
        return line;
    }
}
