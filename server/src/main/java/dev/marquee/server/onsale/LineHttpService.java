package dev.marquee.server.onsale;

import dev.marquee.server.auth.Authenticator;
import dev.marquee.server.auth.Caller;
import dev.marquee.server.http.HttpJson;
import dev.marquee.server.http.PathIds;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** /api/shows/{showId}/queue: the show's waiting line, and the caller's place in it. */
public final class LineHttpService implements HttpService {

    private final LineService lines;
    private final Authenticator authenticator;
    private final HttpJson json;

    public LineHttpService(LineService lines, Authenticator authenticator, HttpJson json) {
        this.lines = lines;
        this.authenticator = authenticator;
        this.json = json;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/shows/{showId}/queue", this::status)
                .post("/shows/{showId}/queue", this::join)
                .get("/shows/{showId}/queue/me", this::place)
                .delete("/shows/{showId}/queue/me", this::leave);
    }

    private void status(ServerRequest request, ServerResponse response) {
        json.send(response, Status.OK_200, lines.status(PathIds.catalogId(request, "showId")));
    }

    private void join(ServerRequest request, ServerResponse response) {
        Caller caller = authenticator.caller(request);
        Joined joined = lines.join(caller, PathIds.catalogId(request, "showId"));
        json.send(response, joined.created() ? Status.CREATED_201 : Status.OK_200, joined.place());
    }

    private void place(ServerRequest request, ServerResponse response) {
        Caller caller = authenticator.caller(request);
        json.send(response, Status.OK_200, lines.place(caller, PathIds.catalogId(request, "showId")));
    }

    private void leave(ServerRequest request, ServerResponse response) {
        Caller caller = authenticator.caller(request);
        lines.leave(caller, PathIds.catalogId(request, "showId"));
        response.status(Status.NO_CONTENT_204).send();
    }
}
