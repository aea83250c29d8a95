package dev.marquee.server.booking.vouchers;

import dev.marquee.model.admin.VoucherPatch;
import dev.marquee.model.admin.VoucherRequest;
import dev.marquee.server.auth.Authenticator;
import dev.marquee.server.http.HttpJson;
import dev.marquee.server.http.PathIds;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * {@code /api/admin/shows/{id}/vouchers}: ADMIN only; {@code GET /api/shows/{id}/vouchers/{code}}: a code checked
 * at the counter (CLERK, ADMIN) before a sale, so the clerk can say the discount before taking the money.
 */
public final class VoucherHttpService implements HttpService {

    private final VoucherService vouchers;
    private final Authenticator authenticator;
    private final HttpJson json;

    public VoucherHttpService(VoucherService vouchers, Authenticator authenticator, HttpJson json) {
        this.vouchers = vouchers;
        this.authenticator = authenticator;
        this.json = json;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/admin/shows/{showId}/vouchers", this::create)
                .get("/admin/shows/{showId}/vouchers", this::list)
                .patch("/admin/shows/{showId}/vouchers/{voucherId}", this::change)
                .get("/shows/{showId}/vouchers/{code}", this::check);
    }

    private void create(ServerRequest request, ServerResponse response) {
        String admin = admin(request);
        long showId = PathIds.catalogId(request, "showId");
        VoucherRequest body = json.body(request).as(VoucherRequest.class);
        json.send(response, Status.CREATED_201, vouchers.create(admin, showId, body));
    }

    private void list(ServerRequest request, ServerResponse response) {
        admin(request);
        json.send(response, Status.OK_200, vouchers.list(PathIds.catalogId(request, "showId")));
    }

    private void change(ServerRequest request, ServerResponse response) {
        String admin = admin(request);
        long showId = PathIds.catalogId(request, "showId");
        long voucherId = PathIds.catalogId(request, "voucherId");
        VoucherPatch body = json.body(request).as(VoucherPatch.class);
        json.send(response, Status.OK_200, vouchers.change(admin, showId, voucherId, body));
    }

    private void check(ServerRequest request, ServerResponse response) {
        authenticator.caller(request).requireStaff();
        long showId = PathIds.catalogId(request, "showId");
        String code = Vouchers.code(request.path().pathParameters().get("code"));
        if (code == null) {
            throw Vouchers.unknown("");
        }
        json.send(response, Status.OK_200, vouchers.check(showId, code));
    }

    /** Authentication and role come before anything else, so strangers learn nothing from 400s or 404s. */
    private String admin(ServerRequest request) {
        return authenticator.caller(request).requireAdmin().email();
    }
}
