package dev.marquee.server.booking.waitlist;

import dev.marquee.model.booking.WaitlistRequest;
import dev.marquee.server.auth.Authenticator;
import dev.marquee.server.auth.Caller;
import dev.marquee.server.http.HttpJson;
import dev.marquee.server.http.PathIds;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** {@code /api/shows/{id}/waitlist}, {@code /api/me/waitlist} and {@code /api/waitlist/{id}}: any signed-in user. */
public final class WaitlistHttpService implements HttpService {

    private final WaitlistService waitlist;
    private final Authenticator authenticator;
    private final HttpJson json;

    public WaitlistHttpService(WaitlistService waitlist, Authenticator authenticator, HttpJson json) {
        this.waitlist = waitlist;
        this.authenticator = authenticator;
        this.json = json;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/shows/{showId}/waitlist", this::join)
                .get("/me/waitlist", this::mine)
                .delete("/waitlist/{entryId}", this::leave);
    }

    private void join(ServerRequest request, ServerResponse response) {
        Caller caller = authenticator.caller(request);
        long showId = PathIds.catalogId(request, "showId");
        WaitlistRequest body = json.body(request).as(WaitlistRequest.class);
        WaitlistService.Joined joined = waitlist.join(caller, showId, body);
        json.send(response, joined.created() ? Status.CREATED_201 : Status.OK_200, joined.entry());
    }

    private void mine(ServerRequest request, ServerResponse response) {
        json.send(response, Status.OK_200, waitlist.mine(authenticator.caller(request)));
    }

    private void leave(ServerRequest request, ServerResponse response) {
        Caller caller = authenticator.caller(request);
        waitlist.leave(caller, PathIds.uuid(request, "entryId"));
        response.status(Status.NO_CONTENT_204).send();
    }
}
