package dev.marquee.server.catalog;

import dev.marquee.server.http.HttpJson;
import dev.marquee.server.http.PathIds;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** Catalog reads; no sign-in needed. */
public final class CatalogHttpService implements HttpService {

    private final CatalogService catalog;
    private final HttpJson json;

    public CatalogHttpService(CatalogService catalog, HttpJson json) {
        this.catalog = catalog;
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
        json.send(response, Status.OK_200, catalog.show(PathIds.catalogId(request, "showId")));
    }

    private void availability(ServerRequest request, ServerResponse response) {
        json.send(response, Status.OK_200, catalog.availability(PathIds.catalogId(request, "showId")));
    }
}
