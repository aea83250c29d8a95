package dev.marquee.server.reports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marquee.model.admin.AuditEntry;
import dev.marquee.server.catalog.CatalogService;
import dev.marquee.server.db.Row;
import dev.marquee.server.db.Statements;
import java.util.List;
import java.util.Map;

/** The audit log, newest first, for everything or for one show. */
public final class AuditLogService {

    static final int DEFAULT_LIMIT = 200;
    static final int MAX_LIMIT = 1000;
    /** The CSV export reads more at once: a season's log for a spreadsheet. */
    static final int DEFAULT_EXPORT = 10_000;
    static final int MAX_EXPORT = 100_000;
    private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {
    };

    private final Statements statements;
    private final ObjectMapper mapper;

    public AuditLogService(Statements statements, ObjectMapper mapper) {
        this.statements = statements;
        this.mapper = mapper;
    }

    /** {@code showId} null means every show and the entries that concern no show. */
    List<AuditEntry> list(Long showId, int limit) {
        return statements.snapshot(db -> {
            if (showId == null) {
                return db.createNamedQuery("audit-latest").addParam("limit", limit).execute().map(Row::of)
                        .map(this::entry).toList();
            }
            db.createNamedGet("show-exists").addParam("showId", showId).execute()
                    .orElseThrow(() -> CatalogService.showNotFound(showId));
            return db.createNamedQuery("audit-latest-of-show").addParam("showId", showId).addParam("limit", limit)
                    .execute().map(Row::of).map(this::entry).toList();
        });
    }

    private AuditEntry entry(Row row) {
        try {
            return new AuditEntry(row.number("id"), row.instant("at"), row.text("actor"),
                    row.text("action"), row.nullableNumber("show_id"),
                    mapper.readValue(row.text("details"), DETAILS));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An audit row holds details that are not a JSON object", e);
        }
    }
}
