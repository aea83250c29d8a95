package dev.marquee.server.inventory;

import dev.marquee.model.admin.EventRequest;
import dev.marquee.model.catalog.EventSummary;
import dev.marquee.server.audit.Audit;
import dev.marquee.server.db.Row;
import dev.marquee.server.db.Statements;
import dev.marquee.server.error.Validate;
import java.util.List;
import java.util.Map;

/** Events: the title and description that one or more shows are performances of. */
public final class EventService {

    private final Statements statements;
    private final Audit audit;

    public EventService(Statements statements, Audit audit) {
        this.statements = statements;
        this.audit = audit;
    }

    public EventSummary create(String actor, EventRequest request) {
        String title = Validate.text("title", request.title(), 1, 200);
        String description = request.description() == null ? ""
                : Validate.text("description", request.description(), 0, 5_000);
        return statements.transaction(db -> {
            long eventId = db.createNamedGet("event-create").addParam("title", title)
                    .addParam("description", description).execute().map(Row::of).orElseThrow().number("id");
            audit.record(db, actor, "EVENT_CREATED", null, Map.of("eventId", eventId, "title", title));
            return new EventSummary(eventId, title, description, List.of());
        });
    }
}
