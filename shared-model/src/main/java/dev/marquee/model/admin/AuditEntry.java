package dev.marquee.model.admin;

import java.time.Instant;
import java.util.Map;

/** One audit record; showId is left out for changes that concern no show (shifts, venues). */
public record AuditEntry(long id, Instant at, String actor, String action, Long showId, Map<String, Object> details) {
}
