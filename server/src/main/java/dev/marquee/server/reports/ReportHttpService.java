package dev.marquee.server.reports;

import dev.marquee.server.auth.Authenticator;
import dev.marquee.server.error.ApiException;
import dev.marquee.server.http.HttpJson;
import dev.marquee.server.http.PathIds;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpMediaType;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** /api/admin reads: a show's sales report and the audit log, as JSON or as CSV for a spreadsheet; ADMIN only. */
public final class ReportHttpService implements HttpService {

    private static final HttpMediaType CSV = HttpMediaType.create("text/csv; charset=utf-8");

    private final ShowReportService reports;
    private final AuditLogService auditLog;
    private final Authenticator authenticator;
    private final HttpJson json;
    private final Exports exports;

    public ReportHttpService(ShowReportService reports, AuditLogService auditLog, Authenticator authenticator,
                             HttpJson json) {
        this.reports = reports;
        this.auditLog = auditLog;
        this.authenticator = authenticator;
        this.json = json;
        this.exports = new Exports(json.mapper());
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/admin/shows/{showId}/report", this::showReport)
                .get("/admin/shows/{showId}/report.csv", this::showReportCsv)
                .get("/admin/audit", this::audit)
                .get("/admin/audit.csv", this::auditCsv);
    }

    private void showReport(ServerRequest request, ServerResponse response) {
        admin(request);
        json.send(response, Status.OK_200, reports.report(PathIds.catalogId(request, "showId")));
    }

    private void showReportCsv(ServerRequest request, ServerResponse response) {
        admin(request);
        long showId = PathIds.catalogId(request, "showId");
        sendCsv(response, "show-" + showId + "-report.csv", Exports.report(reports.report(showId)));
    }

    private void audit(ServerRequest request, ServerResponse response) {
        admin(request);
        Long showId = queryNumber(request, "showId", 1, Long.MAX_VALUE).orElse(null);
        int limit = queryNumber(request, "limit", 1, AuditLogService.MAX_LIMIT).map(Long::intValue)
                .orElse(AuditLogService.DEFAULT_LIMIT);
        json.send(response, Status.OK_200, auditLog.list(showId, limit));
    }

    private void auditCsv(ServerRequest request, ServerResponse response) {
        admin(request);
        Long showId = queryNumber(request, "showId", 1, Long.MAX_VALUE).orElse(null);
        int limit = queryNumber(request, "limit", 1, AuditLogService.MAX_EXPORT).map(Long::intValue)
                .orElse(AuditLogService.DEFAULT_EXPORT);
        String name = showId == null ? "audit.csv" : "show-" + showId + "-audit.csv";
        sendCsv(response, name, exports.audit(auditLog.list(showId, limit)));
    }

    private static void sendCsv(ServerResponse response, String fileName, String csv) {
        response.headers().contentType(CSV);
        response.headers().set(HeaderNames.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"");
        response.send(csv.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * An optional whole-number query parameter; given empty ({@code ?showId=}) it is absent, as a form leaves it;
     * present but not a number in range is 400.
     */
    private static Optional<Long> queryNumber(ServerRequest request, String name, long min, long max) {
        Optional<String> raw = request.query().first(name).asOptional().filter(value -> !value.isBlank());
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
