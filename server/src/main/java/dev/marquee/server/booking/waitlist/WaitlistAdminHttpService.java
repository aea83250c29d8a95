package dev.marquee.server.booking.waitlist;

import dev.marquee.server.auth.Authenticator;
import dev.marquee.server.http.HttpJson;
import dev.marquee.server.http.PathIds;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** {@code GET /api/admin/shows/{id}/waitlist}: a show's waiting list per tier, with its entries; ADMIN only. */
public final class WaitlistAdminHttpService implements HttpService {

    private final WaitlistAdminService waitlists;
    private final Authenticator authenticator;
    private final HttpJson json;

    public WaitlistAdminHttpService(WaitlistAdminService waitlists, Authenticator authenticator, HttpJson json) {
        this.waitlists = waitlists;
        this.authenticator = authenticator;
        this.json = json;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/admin/shows/{showId}/waitlist", this::show);
    }

    private void show(ServerRequest request, ServerResponse response) {
        // Authentication and role come first, so strangers learn nothing from 404s.
        authenticator.caller(request).requireAdmin();
        json.send(response, Status.OK_200, waitlists.of(PathIds.catalogId(request, "showId")));
    }
}
