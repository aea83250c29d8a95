package dev.marquee.server.reports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marquee.model.admin.AuditEntry;
import dev.marquee.server.catalog.CatalogService;
import dev.marquee.server.db.Transactions;
import dev.marquee.server.db.Tx;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/** The audit log, newest first, for everything or for one show. */
public final class AuditLogService {

    static final int DEFAULT_LIMIT = 200;
    static final int MAX_LIMIT = 1000;
    private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {
    };

    private final Transactions transactions;
    private final ObjectMapper mapper;

    public AuditLogService(Transactions transactions, ObjectMapper mapper) {
        this.transactions = transactions;
        this.mapper = mapper;
    }

    /** {@code showId} null means every show and the entries that concern no show. */
    List<AuditEntry> list(Long showId, int limit) {
        return transactions.inSnapshot(tx -> {
            if (showId == null) {
                return tx.list("SELECT id, at, actor, action, show_id, details::text AS details FROM audit_log"
                        + " ORDER BY at DESC, id DESC LIMIT ?", this::entry, limit);
            }
            tx.first("SELECT id FROM shows WHERE id = ?", row -> row.getLong("id"), showId)
                    .orElseThrow(() -> CatalogService.showNotFound(showId));
            return tx.list("SELECT id, at, actor, action, show_id, details::text AS details FROM audit_log"
                    + " WHERE show_id = ? ORDER BY at DESC, id DESC LIMIT ?", this::entry, showId, limit);
        });
    }

    private AuditEntry entry(ResultSet row) throws SQLException {
        try {
            return new AuditEntry(row.getLong("id"), Tx.instant(row, "at"), row.getString("actor"),
                    row.getString("action"), Tx.nullableLong(row, "show_id"),
                    mapper.readValue(row.getString("details"), DETAILS));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An audit row holds details that are not a JSON object", e);
        }
    }
}
