package dev.marquee.server.catalog;

import dev.marquee.server.auth.Authenticator;
import dev.marquee.server.auth.Caller;
import dev.marquee.server.http.HttpJson;
import dev.marquee.server.http.PathIds;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** Catalog reads; no sign-in needed (staff who are signed in also see a show's hidden tiers). */
public final class CatalogHttpService implements HttpService {

    private final CatalogService catalog;
    private final Authenticator authenticator;
    private final HttpJson json;

    public CatalogHttpService(CatalogService catalog, Authenticator authenticator, HttpJson json) {
        this.catalog = catalog;
        this.authenticator = authenticator;
        this.json = json;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/events", this::events)
                .get("/shows/{showId}", this::show)
                .get("/shows/{showId}/availability", this::availability);
    }

    private void events(ServerRequest request, ServerResponse response) {
        json.send(response, Status.OK_200, catalog.events());
    }

    private void show(ServerRequest request, ServerResponse response) {
        long showId = PathIds.catalogId(request, "showId");
        boolean staff = authenticator.optionalCaller(request).map(Caller::isStaff).orElse(false);
        json.send(response, Status.OK_200, catalog.show(showId, staff));
    }

    private void availability(ServerRequest request, ServerResponse response) {
        long showId = PathIds.catalogId(request, "showId");
        boolean staff = authenticator.optionalCaller(request).map(Caller::isStaff).orElse(false);
        json.send(response, Status.OK_200, catalog.availability(showId, staff));
    }
}
