package dev.marquee.server.inventory;

import dev.marquee.model.admin.EventRequest;
import dev.marquee.model.catalog.EventSummary;
import dev.marquee.server.audit.Audit;
import dev.marquee.server.db.Transactions;
import dev.marquee.server.error.Validate;
import java.util.List;
import java.util.Map;

/** Events: the title and description that one or more shows are performances of. */
public final class EventService {

    private final Transactions transactions;
    private final Audit audit;

    public EventService(Transactions transactions, Audit audit) {
        this.transactions = transactions;
        this.audit = audit;
    }

    public EventSummary create(String actor, EventRequest request) {
        String title = Validate.text("title", request.title(), 1, 200);
        String description = request.description() == null ? ""
                : Validate.text("description", request.description(), 0, 5_000);
        return transactions.inTransaction(tx -> {
            long eventId = tx.one("INSERT INTO events (title, description) VALUES (?, ?) RETURNING id",
                    row -> row.getLong("id"), title, description);
            audit.record(tx, actor, "EVENT_CREATED", null, Map.of("eventId", eventId, "title", title));
            return new EventSummary(eventId, title, description, List.of());
        });
    }
}
