package dev.marquee.server.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/** Writes one audit row inside the caller's transaction, so the record and the change commit together. */
public final class Audit {

    private final ObjectMapper mapper;

    public Audit(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public void record(Tx tx, String actor, String action, Long showId, Map<String, ?> details) {
        try {
            tx.update("INSERT INTO audit_log (actor, action, show_id, details) VALUES (?, ?, ?, ?::jsonb)",
                    actor, action, showId, mapper.writeValueAsString(details));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write audit details", e);
        }
    }
}
