package dev.marquee.server.onsale;

import dev.marquee.model.catalog.WaitingRoom;
import dev.marquee.server.audit.Audit;
import dev.marquee.server.db.Statements;
import dev.marquee.server.db.Transactions;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * What this instance knows of each show's line, for the check every FAN hold makes: whether the line is engaged.
 * A view is read from the database on first use and trusted for {@link #TRUST_NANOS}, or until a notice says the
 * line moved (from any instance), so a show's bookings cost one read of its line a second, not one each.
 */
public final class LineViews {

    static final long TRUST_NANOS = 1_000_000_000L;

    /** A show's line as the hold check needs it. */
    record View(WaitingRoom waitingRoom, boolean onSale, boolean engaged, long readAtNanos) {
    }

    private static final View NO_SHOW = new View(WaitingRoom.OFF, false, false, 0);

    private final Transactions transactions;
    private final Statements statements;
    private final Audit audit;
    private final LongSupplier nanoTime;
    private final Map<Long, View> views = new ConcurrentHashMap<>();

    public LineViews(Transactions transactions, Statements statements, Audit audit) {
        this(transactions, statements, audit, System::nanoTime);
    }

    LineViews(Transactions transactions, Statements statements, Audit audit, LongSupplier nanoTime) {
        this.transactions = transactions;
        this.statements = statements;
        this.audit = audit;
        this.nanoTime = nanoTime;
    }

    View view(long showId) {
        View cached = views.get(showId);
        long now = nanoTime.getAsLong();
        if (cached != null && now - cached.readAtNanos() < TRUST_NANOS) {
            return cached;
        }
        View fresh = statements.read(db -> Lines.read(db, showId))
                .map(line -> new View(line.waitingRoom, line.onSale, line.engaged(), now))
                .orElse(NO_SHOW);
        views.put(showId, fresh);
        return fresh;
    }

    /** A notice that the show's line moved or its settings changed: the next check reads it again. */
    public void forget(long showId) {
        views.remove(showId);
    }

    /** Forgets every view (notices may have been missed while the listener was away). */
    public void forgetAll() {
        views.clear();
    }

    /** Engages an AUTO show's line because its demand passed what it can serve promptly. */
    void engageForDemand(long showId) {
        transactions.inTransaction(tx -> {
            Line line = Lines.lock(tx, showId);
            if (line.waitingRoom == WaitingRoom.AUTO && !line.autoEngaged) {
                LineRound.engage(tx, audit, line, "DEMAND");
                Lines.save(tx, line);
                LineNotices.announce(tx, showId);
            }
            return null;
        });
        views.remove(showId);
    }
}
