package dev.marquee.server.onsale;

import dev.marquee.model.catalog.WaitingRoom;
import dev.marquee.server.audit.Audit;
import dev.marquee.server.booking.stock.ShowVersions;
import dev.marquee.server.db.Tx;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;

/**
 * One round of one show's line, with its row locked: open the show if its scheduled opening is due and draw the
 * places taken before it; expire admissions that passed unused; tell everyone waiting when the show sells out;
 * otherwise admit the next fans at the line's {@link Pace}; disengage an AUTO line that has been idle a while.
 */
final class LineRound {

    private final LineSettings settings;
    private final Audit audit;
    private final LineCounters counters;
    /** Whether a show's bookings are under pressure right now (its lane or the pool would refuse for load). */
    private final LongPredicate underPressure;

    LineRound(LineSettings settings, Audit audit, LineCounters counters, LongPredicate underPressure) {
        this.settings = settings;
        this.audit = audit;
        this.counters = counters;
        this.underPressure = underPressure;
    }

    /** Runs the round; answers whether the line moved, so every instance is told. */
    boolean run(Tx tx, Line line) {
        boolean moved = false;
        boolean opening = line.openingDue();
        if (opening) {
            open(tx, line);
            moved = true;
        }
        if (line.onSale && line.awaitingDraw > 0) {
            Draw.run(tx, line, audit);
            moved = true;
        }
        int expired = tx.update("""
                UPDATE queue_places SET state = 'EXPIRED'
                WHERE show_id = ? AND state = 'ADMITTED' AND used_at IS NULL AND admitted_until <= now()""",
                line.showId);
        counters.expiries().increment(expired);
        moved |= expired > 0;
        if (line.onSale) {
            moved |= sellOrTell(tx, line);
        }
        moved |= disengageWhenIdle(tx, line);
        line.lastRoundAt = line.now;
        Lines.save(tx, line);
        if (opening) {
            // The show's row last, as every booking takes it last (the version bump): see ShowVersions.
            tx.update("UPDATE shows SET on_sale = true WHERE id = ?", line.showId);
            ShowVersions.bump(tx, line.showId);
        }
        counters.waiting(line.showId, line.waiting);
        return moved;
    }

    /** The scheduled opening: the show goes on sale (written last, see run) and an AUTO line engages for the draw. */
    private void open(Tx tx, Line line) {
        audit.record(tx, "system", "SHOW_ON_SALE_CHANGED", line.showId,
                Map.of("from", false, "to", true, "scheduledFor", line.onSaleAt.toString()));
        line.onSale = true;
        line.openedFor = line.onSaleAt;
        if (line.waitingRoom == WaitingRoom.AUTO && line.awaitingDraw > 0 && !line.autoEngaged) {
            engage(tx, audit, line, "SCHEDULED_OPENING");
        }
    }

    /** Sold out: everyone still waiting is told. Otherwise the next fans are admitted. */
    private boolean sellOrTell(Tx tx, Line line) {
        LineStock stock = LineStock.withAdmissions(tx, line.showId);
        long admittedNotHolding = stock.admittedNotHolding();
        boolean moved = false;
        if (stock.soldOut()) {
            if (line.waiting > 0 || admittedNotHolding > 0 || !line.soldOut) {
                int told = tx.update("""
                        UPDATE queue_places SET state = 'SOLD_OUT'
                        WHERE show_id = ? AND (state = 'WAITING' OR (state = 'ADMITTED' AND used_at IS NULL))""",
                        line.showId);
                line.waiting = 0;
                line.awaitingDraw = 0;
                if (!line.soldOut) {
                    audit.record(tx, "system", "LINE_SOLD_OUT", line.showId, Map.of("told", told));
                    LineNotices.announceAtOnce(tx, line.showId);
                }
                line.soldOut = true;
                moved = true;
            }
            admittedNotHolding = 0;
        } else {
            moved |= line.soldOut;
            line.soldOut = false;
            if (!line.engaged()) {
                moved |= admit(tx, line, line.waiting) > 0;
            } else if (stock.available() > 0) {
                boolean pressure = underPressure.test(line.showId);
                line.admitRate = Pace.next(line.admitRate, settings, pressure, admittedNotHolding);
                double pace = pressure ? Pace.floor(settings) : line.admitRate;
                long admitted = admit(tx, line, Pace.admitNow(pace, settings.round(), stock.available(),
                        admittedNotHolding, line.waiting));
                admittedNotHolding += admitted;
                moved |= admitted > 0;
            }
        }
        line.admittedLastMinute = tx.one("""
                SELECT count(*) FROM queue_places WHERE show_id = ? AND admitted_at > now() - interval '1 minute'""",
                row -> row.getLong(1), line.showId);
        line.idleSince = line.waiting == 0 && admittedNotHolding == 0
                ? (line.idleSince == null ? line.now : line.idleSince) : null;
        return moved;
    }

    /** Admits the next {@code count} numbered fans in number order; answers how many were admitted. */
    private long admit(Tx tx, Line line, long count) {
        if (count <= 0) {
            return 0;
        }
        // The next fans' ids are found first, once (ARRAY of a subquery), then their rows by primary key: written as a
        // join, a line that grew from nothing before its statistics caught up was planned as a loop over every place
        // of the show per admitted fan, a round taking seconds.
        List<Long> numbers = tx.list("""
                UPDATE queue_places
                SET state = 'ADMITTED', admitted_at = now(), admitted_until = now() + make_interval(secs => ?)
                WHERE show_id = ? AND user_id = ANY(ARRAY(
                    SELECT user_id FROM queue_places
                    WHERE show_id = ? AND state = 'WAITING' AND number IS NOT NULL ORDER BY number LIMIT ?))
                RETURNING number""", row -> row.getLong(1),
                (double) settings.admissionWindow().toSeconds(), line.showId, line.showId, count);
        numbers.stream().mapToLong(Long::longValue).max().ifPresent(last -> line.nowServing = Math.max(line.nowServing, last));
        line.waiting -= numbers.size();
        counters.admissions().increment(numbers.size());
        return numbers.size();
    }

    private boolean disengageWhenIdle(Tx tx, Line line) {
        boolean idleLongEnough = line.idleSince != null
                && !line.idleSince.plus(settings.autoIdle()).isAfter(line.now);
        if (line.waitingRoom != WaitingRoom.AUTO || !line.autoEngaged || !idleLongEnough) {
            return false;
        }
        line.autoEngaged = false;
        line.admitRate = 0;
        audit.record(tx, "system", "LINE_DISENGAGED", line.showId, Map.of("idleSeconds", settings.autoIdle().toSeconds()));
        return true;
    }

    /** Engages an AUTO line (its row locked) and records why. */
    static void engage(Tx tx, Audit audit, Line line, String reason) {
        line.autoEngaged = true;
        line.idleSince = null;
        audit.record(tx, "system", "LINE_ENGAGED", line.showId, Map.of("reason", reason));
    }
}
