package dev.marquee.server.onsale;

import dev.marquee.server.audit.Audit;
import dev.marquee.server.db.Transactions;
import dev.marquee.server.platform.BackgroundWork;
import dev.marquee.server.platform.Periodic;
import java.time.Duration;
import java.util.List;
import java.util.function.LongPredicate;

/**
 * Runs every line's rounds: each {@link LineSettings#round}, every show whose line has something to do gets a
 * {@link LineRound} in a short transaction of its own. Every server instance runs them; the line's row lock
 * (taken with SKIP LOCKED) and the time of its last round make sure each round happens once, on whichever instance
 * comes first, so a line keeps moving while instances start and stop.
 */
public final class LineRounds implements BackgroundWork {

    private final Transactions transactions;
    private final LineSettings settings;
    private final LineRound round;
    private final Periodic rounds;

    /** {@code underPressure}: whether a show's bookings would be refused for load right now. */
    public LineRounds(Transactions transactions, LineSettings settings, Audit audit, LineCounters counters,
                      LongPredicate underPressure) {
        this.transactions = transactions;
        this.settings = settings;
        this.round = new LineRound(settings, audit, counters, underPressure);
        this.rounds = new Periodic("line-rounds", settings.round(), this::runAll);
    }

    @Override
    public void start() {
        rounds.start();
    }

    @Override
    public void stop(Duration grace) {
        rounds.stop(grace);
    }

    /** One round of every line with something to do. */
    void runAll() {
        for (long showId : linesToVisit()) {
            transactions.inTransaction(tx -> Lines.ensureAndLockIfFree(tx, showId)
                    .filter(line -> line.lastRoundAt == null
                            || !line.lastRoundAt.plus(settings.round().multipliedBy(4).dividedBy(5)).isAfter(line.now))
                    .map(line -> {
                        if (round.run(tx, line)) {
                            LineNotices.announce(tx, showId);
                        }
                        return true;
                    }).orElse(false));
        }
    }

    /**
     * Shows whose scheduled opening is due, and lines that are engaged, have fans waiting (or awaiting the draw),
     * or were told the show sold out (stock may come back).
     */
    private List<Long> linesToVisit() {
        return transactions.inTransaction(tx -> tx.list("""
                SELECT s.id FROM shows s LEFT JOIN show_lines l ON l.show_id = s.id
                WHERE s.on_sale_at <= now() AND NOT s.on_sale AND s.on_sale_at IS DISTINCT FROM l.opened_for
                UNION
                SELECT l.show_id FROM show_lines l JOIN shows s ON s.id = l.show_id
                WHERE l.waiting > 0 OR l.auto_engaged OR l.sold_out OR (s.waiting_room = 'ON' AND s.on_sale)
                ORDER BY 1""", row -> row.getLong(1)));
    }

}
