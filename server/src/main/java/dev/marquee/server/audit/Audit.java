package dev.marquee.server.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marquee.server.db.Pipeline;
import dev.marquee.server.db.Tx;
import io.helidon.dbclient.DbExecute;
import java.util.List;
import java.util.Map;

/** Writes audit rows inside the caller's transaction, so the record and the change commit together. */
public final class Audit {

    /** One audit row to write. */
    public record Entry(String actor, String action, Long showId, Map<String, ?> details) {
    }

    private final ObjectMapper mapper;

    public Audit(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public void record(Tx tx, String actor, String action, Long showId, Map<String, ?> details) {
        tx.update("INSERT INTO audit_log (actor, action, show_id, details) VALUES (?, ?, ?, ?::jsonb)",
                actor, action, showId, json(details));
    }

    /** The same row, written by a change that runs through DbClient ({@code Statements.transaction}). */
    public void record(DbExecute db, String actor, String action, Long showId, Map<String, ?> details) {
        db.createNamedInsert("audit-insert").addParam("actor", actor).addParam("action", action)
                .addParam("showId", showId).addParam("details", json(details)).execute();
    }

    /** Many rows in one statement, in the order given. */
    public void recordAll(Pipeline writes, List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        writes.add("""
                INSERT INTO audit_log (actor, action, show_id, details)
                SELECT e.actor, e.action, e.show_id, e.details::jsonb
                FROM unnest(?::text[], ?::text[], ?::bigint[], ?::text[]) WITH ORDINALITY
                     AS e(actor, action, show_id, details, position)
                ORDER BY e.position""",
                writes.texts(entries.stream().map(Entry::actor).toList()),
                writes.texts(entries.stream().map(Entry::action).toList()),
                writes.bigints(entries.stream().map(Entry::showId).toList()),
                writes.texts(entries.stream().map(entry -> json(entry.details())).toList()));
    }

    private String json(Map<String, ?> details) {
        try {
            return mapper.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write audit details", e);
        }
    }
}
