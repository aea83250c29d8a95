package dev.marquee.server.onsale;

import dev.marquee.model.catalog.WaitingRoom;
import dev.marquee.server.catalog.CatalogService;
import dev.marquee.server.db.Pipeline;
import dev.marquee.server.db.Tx;
import java.sql.ResultSet;
import java.sql.SQLException;
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

    /** The show's line, unlocked; a show with no line row yet reads as an empty one. */
    static Optional<Line> read(Tx tx, long showId) {
        return tx.first(SELECT + "FROM shows s LEFT JOIN show_lines l ON l.show_id = s.id WHERE s.id = ?",
                Lines::row, showId);
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
                            locked.accept(row(row));
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
                Lines::row, showId);
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

    private static Line row(ResultSet row) throws SQLException {
        Line line = new Line(row.getLong("show_id"), WaitingRoom.valueOf(row.getString("waiting_room")),
                row.getBoolean("on_sale"), Tx.instant(row, "on_sale_at"), Tx.instant(row, "db_now"));
        line.openedFor = Tx.instant(row, "opened_for");
        line.autoEngaged = row.getBoolean("auto_engaged");
        line.nextNumber = row.getLong("next_number");
        line.nowServing = row.getLong("now_serving");
        line.waiting = row.getLong("waiting");
        line.awaitingDraw = row.getLong("awaiting_draw");
        line.admitRate = row.getDouble("admit_rate");
        line.admittedLastMinute = row.getLong("admitted_last_minute");
        line.soldOut = row.getBoolean("sold_out");
        line.idleSince = Tx.instant(row, "idle_since");
        line.lastRoundAt = Tx.instant(row, "last_round_at");
        return line;
    }
}
