package dev.marquee.server.boxoffice;

import dev.marquee.model.boxoffice.CheckinRequest;
import dev.marquee.server.auth.Authenticator;
import dev.marquee.server.auth.Caller;
import dev.marquee.server.http.HttpJson;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** /api/checkin: the door scanner (CLERK or ADMIN). */
public final class CheckinHttpService implements HttpService {

    private final CheckinService checkins;
    private final Authenticator authenticator;
    private final HttpJson json;

    public CheckinHttpService(CheckinService checkins, Authenticator authenticator, HttpJson json) {
        this.checkins = checkins;
        this.authenticator = authenticator;
        this.json = json;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/checkin", this::checkIn);
    }

    private void checkIn(ServerRequest request, ServerResponse response) {
        Caller caller = authenticator.caller(request).requireStaff();
        CheckinRequest body = json.body(request).as(CheckinRequest.class);
        json.send(response, Status.OK_200, checkins.checkIn(caller, body.code()));
    }
}
