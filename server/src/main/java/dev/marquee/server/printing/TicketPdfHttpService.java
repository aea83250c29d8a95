package dev.marquee.server.printing;

import dev.marquee.model.booking.OrderView;
import dev.marquee.server.auth.Authenticator;
import dev.marquee.server.auth.Caller;
import dev.marquee.server.booking.orders.OrderService;
import dev.marquee.server.catalog.CatalogService;
import dev.marquee.server.http.PathIds;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpMediaType;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** {@code GET /api/orders/{id}/tickets.pdf}: the order's owner, a clerk or an admin; to anyone else it is 404. */
public final class TicketPdfHttpService implements HttpService {

    private static final HttpMediaType PDF = HttpMediaType.create("application/pdf");

    private final OrderService orders;
    private final CatalogService catalog;
    private final TicketPdf pdf;
    private final Authenticator authenticator;

    public TicketPdfHttpService(OrderService orders, CatalogService catalog, TicketPdf pdf,
                                Authenticator authenticator) {
        this.orders = orders;
        this.catalog = catalog;
        this.pdf = pdf;
        this.authenticator = authenticator;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/orders/{orderId}/tickets.pdf", this::tickets);
    }

    private void tickets(ServerRequest request, ServerResponse response) {
        Caller caller = authenticator.caller(request);
        OrderView order = orders.get(caller, PathIds.uuid(request, "orderId"));
        byte[] document = pdf.print(order, catalog.show(order.showId(), true).venue().name());
        response.headers().contentType(PDF);
        response.headers().set(HeaderNames.CONTENT_DISPOSITION,
                "inline; filename=\"tickets-" + order.id() + ".pdf\"");
        response.send(document);
    }
}
