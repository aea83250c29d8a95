package dev.marquee.server.inventory;

import dev.marquee.model.admin.EventRequest;
import dev.marquee.model.admin.SeatBlockRequest;
import dev.marquee.model.admin.ShowRequest;
import dev.marquee.model.admin.TierPatch;
import dev.marquee.model.admin.TierRequest;
import dev.marquee.model.admin.VenueRequest;
import dev.marquee.server.auth.Authenticator;
import dev.marquee.server.http.HttpJson;
import dev.marquee.server.http.PathIds;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** /api/admin/* writes to venues, events, shows, tiers and seat blocks; ADMIN only. */
public final class InventoryHttpService implements HttpService {

    private final VenueService venues;
    private final EventService events;
    private final ShowService shows;
    private final TierService tiers;
    private final SeatBlocks seatBlocks;
    private final Authenticator authenticator;
    private final HttpJson json;

    public InventoryHttpService(VenueService venues, EventService events, ShowService shows, TierService tiers,
                                SeatBlocks seatBlocks, Authenticator authenticator, HttpJson json) {
        this.venues = venues;
        this.events = events;
        this.shows = shows;
        this.tiers = tiers;
        this.seatBlocks = seatBlocks;
        this.authenticator = authenticator;
        this.json = json;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/admin/venues", this::createVenue)
                .get("/admin/venues", this::listVenues)
                .post("/admin/events", this::createEvent)
                .post("/admin/events/{eventId}/shows", this::createShow)
                .patch("/admin/shows/{showId}", this::changeShow)
                .post("/admin/shows/{showId}/tiers", this::createTier)
                .patch("/admin/tiers/{tierId}", this::changeTier)
                .post("/admin/shows/{showId}/seats/block", this::blockSeats)
                .post("/admin/shows/{showId}/seats/unblock", this::unblockSeats);
    }

    private void createVenue(ServerRequest request, ServerResponse response) {
        String admin = admin(request);
        VenueRequest body = json.body(request).as(VenueRequest.class);
        json.send(response, Status.CREATED_201, venues.create(admin, body));
    }

    private void listVenues(ServerRequest request, ServerResponse response) {
        admin(request);
        json.send(response, Status.OK_200, venues.list());
    }

    private void createEvent(ServerRequest request, ServerResponse response) {
        String admin = admin(request);
        EventRequest body = json.body(request).as(EventRequest.class);
        json.send(response, Status.CREATED_201, events.create(admin, body));
    }

    private void createShow(ServerRequest request, ServerResponse response) {
        String admin = admin(request);
        long eventId = PathIds.catalogId(request, "eventId");
        ShowRequest body = json.body(request).as(ShowRequest.class);
        json.send(response, Status.CREATED_201, shows.create(admin, eventId, body));
    }

    private void changeShow(ServerRequest request, ServerResponse response) {
        String admin = admin(request);
        long showId = PathIds.catalogId(request, "showId");
        json.send(response, Status.OK_200, shows.change(admin, showId, ShowChange.of(json.body(request))));
    }

    private void createTier(ServerRequest request, ServerResponse response) {
        String admin = admin(request);
        long showId = PathIds.catalogId(request, "showId");
        TierRequest body = json.body(request).as(TierRequest.class);
        json.send(response, Status.CREATED_201, tiers.create(admin, showId, body));
    }

    private void changeTier(ServerRequest request, ServerResponse response) {
        String admin = admin(request);
        long tierId = PathIds.catalogId(request, "tierId");
        TierPatch body = json.body(request).as(TierPatch.class);
        json.send(response, Status.OK_200, tiers.change(admin, tierId, body));
    }

    private void blockSeats(ServerRequest request, ServerResponse response) {
        String admin = admin(request);
        long showId = PathIds.catalogId(request, "showId");
        SeatBlockRequest body = json.body(request).as(SeatBlockRequest.class);
        json.send(response, Status.OK_200, seatBlocks.block(admin, showId, body));
    }

    private void unblockSeats(ServerRequest request, ServerResponse response) {
        String admin = admin(request);
        long showId = PathIds.catalogId(request, "showId");
        SeatBlockRequest body = json.body(request).as(SeatBlockRequest.class);
        json.send(response, Status.OK_200, seatBlocks.unblock(admin, showId, body));
    }

    /** Authentication and role come before anything else, so strangers learn nothing from 400s or 404s. */
    private String admin(ServerRequest request) {
        return authenticator.caller(request).requireAdmin().email();
    }
}
