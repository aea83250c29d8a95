package dev.marquee.server.onsale;

import dev.marquee.model.auth.Role;
import dev.marquee.model.catalog.WaitingRoom;
import dev.marquee.server.auth.Caller;
import dev.marquee.server.db.Statements;
import dev.marquee.server.error.ApiException;

/**
 * What a show's line asks of a hold before it is booked. Staff at the counter never queue. A FAN holding on a show
 * whose line is engaged must have been admitted; an admitted fan is let through without the load check (the line
 * has paced the admissions, and an admitted fan is never told to try again). When a FAN's hold on an AUTO show
 * would be refused for load, the line engages instead and the fan is sent to it.
 */
public final class LineGate {

    /** How a hold may proceed. */
    public enum Pass {
        /** No line stands in the way: the usual load check applies. */
        FREE,
        /** Admitted from the line: booked without the load check, and takes the admission inside its transaction. */
        ADMITTED
    }

    private final LineViews views;
    private final Statements statements;

    public LineGate(LineViews views, Statements statements) {
        this.views = views;
        this.statements = statements;
    }

    /** Whether the caller must come through the show's line: a FAN, and the line is engaged. */
    public boolean queues(Caller caller, long showId) {
        if (caller.role() != Role.FAN) {
            return false;
        }
        LineViews.View view = views.view(showId);
        return view.engaged() && view.onSale();
    }

    /** For a caller who {@link #queues}: ADMITTED, or QUEUE_REQUIRED without an admission within its window. */
    public Pass check(Caller caller, long showId) {
        if (statements.read(db -> Places.admitted(db, showId, caller.id()))) {
            return Pass.ADMITTED;
        }
        throw Places.queueRequired(showId);
    }

    /**
     * What a FAN hears instead of a refusal for load: an AUTO show's line engages and the fan is sent to join it.
     * Other shows, and staff, hear the refusal.
     */
    public ApiException insteadOfRefusal(Caller caller, long showId, ApiException refusal) {
        if (caller.role() != Role.FAN) {
            return refusal;
        }
        LineViews.View view = views.view(showId);
        if (view.waitingRoom() != WaitingRoom.AUTO || !view.onSale()) {
            return refusal;
        }
        if (!view.engaged()) {
            views.engageForDemand(showId);
        }
        return Places.queueRequired(showId);
    }
}
