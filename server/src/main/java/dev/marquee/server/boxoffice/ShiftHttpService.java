package dev.marquee.server.boxoffice;

import dev.marquee.model.boxoffice.ShiftCloseRequest;
import dev.marquee.model.boxoffice.ShiftOpenRequest;
import dev.marquee.server.auth.Authenticator;
import dev.marquee.server.auth.Caller;
import dev.marquee.server.http.HttpJson;
import dev.marquee.server.http.PathIds;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** /api/shifts: the cash drawer of the signed-in staff member (CLERK or ADMIN). */
public final class ShiftHttpService implements HttpService {

    private final ShiftService shifts;
    private final Authenticator authenticator;
    private final HttpJson json;

    public ShiftHttpService(ShiftService shifts, Authenticator authenticator, HttpJson json) {
        this.shifts = shifts;
        this.authenticator = authenticator;
        this.json = json;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/shifts", this::open)
                .get("/shifts/current", this::current)
                .get("/shifts/{shiftId}", this::get)
                .post("/shifts/{shiftId}/close", this::close);
    }

    private void open(ServerRequest request, ServerResponse response) {
        Caller caller = staff(request);
        ShiftOpenRequest body = json.body(request).as(ShiftOpenRequest.class);
        json.send(response, Status.CREATED_201, shifts.open(caller, body));
    }

    private void current(ServerRequest request, ServerResponse response) {
        json.send(response, Status.OK_200, shifts.current(staff(request)));
    }

    private void get(ServerRequest request, ServerResponse response) {
        Caller caller = staff(request);
        json.send(response, Status.OK_200, shifts.get(caller, PathIds.uuid(request, "shiftId")));
    }

    private void close(ServerRequest request, ServerResponse response) {
        Caller caller = staff(request);
        ShiftCloseRequest body = json.body(request).as(ShiftCloseRequest.class);
        json.send(response, Status.OK_200, shifts.close(caller, PathIds.uuid(request, "shiftId"), body));
    }

    /** Authentication and role come first, so strangers learn nothing from 400s or 404s. */
    private Caller staff(ServerRequest request) {
        return authenticator.caller(request).requireStaff();
    }
}
