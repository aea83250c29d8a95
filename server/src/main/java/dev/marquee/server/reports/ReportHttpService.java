package dev.marquee.server.reports;

import dev.marquee.server.auth.Authenticator;
import dev.marquee.server.error.ApiException;
import dev.marquee.server.http.HttpJson;
import dev.marquee.server.http.PathIds;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Optional;

/** /api/admin reads: a show's sales report and the audit log; ADMIN only. */
public final class ReportHttpService implements HttpService {

    private final ShowReportService reports;
    private final AuditLogService auditLog;
    private final Authenticator authenticator;
    private final HttpJson json;

    public ReportHttpService(ShowReportService reports, AuditLogService auditLog, Authenticator authenticator,
                             HttpJson json) {
        this.reports = reports;
        this.auditLog = auditLog;
        this.authenticator = authenticator;
        this.json = json;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/admin/shows/{showId}/report", this::showReport)
                .get("/admin/audit", this::audit);
    }

    private void showReport(ServerRequest request, ServerResponse response) {
        admin(request);
        json.send(response, Status.OK_200, reports.report(PathIds.catalogId(request, "showId")));
    }

    private void audit(ServerRequest request, ServerResponse response) {
        admin(request);
        Long showId = queryNumber(request, "showId", 1, Long.MAX_VALUE).orElse(null);
        int limit = queryNumber(request, "limit", 1, AuditLogService.MAX_LIMIT).map(Long::intValue)
                .orElse(AuditLogService.DEFAULT_LIMIT);
        json.send(response, Status.OK_200, auditLog.list(showId, limit));
    }

    /** An optional whole-number query parameter; present but not a number in range is 400. */
    private static Optional<Long> queryNumber(ServerRequest request, String name, long min, long max) {
        Optional<String> raw = request.query().first(name).asOptional();
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        try {
            long value = Long.parseLong(raw.get().strip());
            if (value >= min && value <= max) {
                return Optional.of(value);
            }
        } catch (NumberFormatException ignored) {
            // answered below, like a number out of range
        }
        throw ApiException.validation(name, "Query parameter '" + name + "' must be "
                + (max == Long.MAX_VALUE ? "a positive whole number." : "a whole number from " + min + " to " + max + "."));
    }

    /** Authentication and role come first, so strangers learn nothing from 400s or 404s. */
    private void admin(ServerRequest request) {
        authenticator.caller(request).requireAdmin();
    }
}
