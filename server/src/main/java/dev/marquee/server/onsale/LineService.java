package dev.marquee.server.onsale;

import dev.marquee.model.line.LineStatus;
import dev.marquee.model.line.PlaceState;
import dev.marquee.model.line.QueuePlace;
import dev.marquee.server.auth.Caller;
import dev.marquee.server.catalog.CatalogService;
import dev.marquee.server.db.Statements;
import dev.marquee.server.db.Transactions;
import dev.marquee.server.error.ApiException;
import io.helidon.dbclient.DbExecute;

/** Places in a show's line: join, read, leave; and the line as anyone may read it. */
public final class LineService {

    private final Transactions transactions;
    private final Statements statements;
    private final LineJoins joins;

    public LineService(Transactions transactions, Statements statements, LineJoins joins) {
        this.transactions = transactions;
        this.statements = statements;
        this.joins = joins;
    }

    public Joined join(Caller caller, long showId) {
        return joins.join(showId, caller.id());
    }

    public QueuePlace place(Caller caller, long showId) {
        return statements.snapshot(db -> {
            Line line = Lines.read(db, showId).orElseThrow(() -> CatalogService.showNotFound(showId));
            return Places.find(db, showId, caller.id()).orElseThrow(() -> notJoined(showId)).view(line);
        });
    }

    /** Leaves the line: a waiting place or an admission is given up. A place that already ended stays as it is. */
    public void leave(Caller caller, long showId) {
        transactions.inTransaction(tx -> {
            Line line = Lines.lock(tx, showId);
            Place place = Places.lockAll(tx, showId, java.util.List.of(caller.id())).get(caller.id());
            if (place == null) {
                throw notJoined(showId);
            }
            boolean waiting = place.state() == PlaceState.WAITING;
            boolean admitted = place.state() == PlaceState.ADMITTED && place.admittedUntil().isAfter(line.now);
            if (waiting || admitted) {
                Places.setState(tx, showId, caller.id(), PlaceState.LEFT);
                if (waiting) {
                    line.waiting--;
                    line.awaitingDraw -= place.number() == null ? 1 : 0;
                    Lines.save(tx, line);
                }
                LineNotices.announce(tx, showId);
            }
            return null;
        });
    }

    public LineStatus status(long showId) {
        return statements.snapshot(db -> status(db, showId));
    }

    /** The line as anyone may read it: one row for the line, one read of the show's tiers. */
    private static LineStatus status(DbExecute db, long showId) {
        Line line = Lines.read(db, showId).orElseThrow(() -> CatalogService.showNotFound(showId));
        LineStock stock = LineStock.of(db, showId);
        return new LineStatus(showId, line.engaged(), line.nowServing, line.waiting,
                line.estimatedWaitSeconds(line.waiting), line.soldOut || (line.onSale && stock.soldOut()),
                line.waitingRoom, line.onSaleAt, line.awaitingDraw, line.admittedLastMinute,
                line.onSale && stock.onlyHeldLeft());
    }

    private static ApiException notJoined(long showId) {
        return ApiException.notFound("You have no place in the line for show " + showId + ".");
    }
}
