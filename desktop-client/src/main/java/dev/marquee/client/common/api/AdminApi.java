package dev.marquee.client.common.api;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.marquee.model.admin.AuditEntry;
import dev.marquee.model.admin.EventRequest;
import dev.marquee.model.admin.SeatBlockRequest;
import dev.marquee.model.admin.ShowPatch;
import dev.marquee.model.admin.ShowReport;
import dev.marquee.model.admin.ShowRequest;
import dev.marquee.model.admin.ShowWaitlist;
import dev.marquee.model.admin.TierPatch;
import dev.marquee.model.admin.TierRequest;
import dev.marquee.model.admin.TierView;
import dev.marquee.model.admin.VenueRequest;
import dev.marquee.model.admin.VenueView;
import dev.marquee.model.admin.VoucherPatch;
import dev.marquee.model.admin.VoucherRequest;
import dev.marquee.model.admin.VoucherView;
import dev.marquee.model.catalog.Availability;
import dev.marquee.model.catalog.EventSummary;
import dev.marquee.model.catalog.ShowDetail;
import dev.marquee.model.catalog.WaitingRoom;
import java.time.Instant;
import java.util.List;

/** The administrator's part of the contract, as blocking calls made through the signed-in {@link ServerApi}. */
public final class AdminApi {

    private final HttpCalls api;

    AdminApi(HttpCalls api) {
        this.api = api;
    }

    /** The show's report as CSV, for a spreadsheet. */
    public byte[] reportCsv(long showId) {
        return api.download("/api/admin/shows/" + showId + "/report.csv");
    }

    /** The audit log as CSV: every show's, or one show's. */
    public byte[] auditCsv(Long showId) {
        return api.download("/api/admin/audit.csv" + (showId == null ? "" : "?showId=" + showId));
    }

    public List<VenueView> venues() {
        return api.get("/api/admin/venues", new TypeReference<>() { });
    }

    public VenueView createVenue(VenueRequest venue) {
        return api.post("/api/admin/venues", venue, new TypeReference<>() { });
    }

    public EventSummary createEvent(EventRequest event) {
        return api.post("/api/admin/events", event, new TypeReference<>() { });
    }

    public ShowDetail createShow(long eventId, ShowRequest show) {
        return api.post("/api/admin/events/" + eventId + "/shows", show, new TypeReference<>() { });
    }

    /** Puts the show on sale or takes it off. */
    public ShowDetail changeShow(long showId, ShowPatch patch) {
        return api.patch("/api/admin/shows/" + showId, patch, new TypeReference<>() { });
    }

    /**
     * Sets how the show goes on sale, all three at once: a null {@code onSaleAt} clears the opening and a null
     * {@code maxTicketsPerAccount} the limit. The body is a JSON tree: the shared mapper leaves nulls out of
     * records and maps, and here a null is the point.
     */
    public ShowDetail changeSaleSettings(long showId, WaitingRoom waitingRoom, Instant onSaleAt,
                                         Integer maxTicketsPerAccount) {
        ObjectNode patch = JsonNodeFactory.instance.objectNode();
        patch.put("waitingRoom", waitingRoom.name());
        patch.put("onSaleAt", onSaleAt == null ? null : onSaleAt.toString());
        patch.put("maxTicketsPerAccount", maxTicketsPerAccount);
        return api.patch("/api/admin/shows/" + showId, patch, new TypeReference<>() { });
    }

    /** The show's vouchers with their uses, oldest first. */
    public List<VoucherView> vouchers(long showId) {
        return api.get("/api/admin/shows/" + showId + "/vouchers", new TypeReference<>() { });
    }

    public VoucherView createVoucher(long showId, VoucherRequest voucher) {
        return api.post("/api/admin/shows/" + showId + "/vouchers", voucher, new TypeReference<>() { });
    }

    /** Turns a voucher off (a sale refuses it as expired) or on again. */
    public VoucherView setVoucherDisabled(long showId, long voucherId, boolean disabled) {
        return api.patch("/api/admin/shows/" + showId + "/vouchers/" + voucherId, new VoucherPatch(disabled),
                new TypeReference<>() { });
    }

    public TierView createTier(long showId, TierRequest tier) {
        return api.post("/api/admin/shows/" + showId + "/tiers", tier, new TypeReference<>() { });
    }

    /** A new price (orders keep theirs) or capacity; below sold + held is CAPACITY_BELOW_COMMITTED. */
    public TierView changeTier(long tierId, TierPatch patch) {
        return api.patch("/api/admin/tiers/" + tierId, patch, new TypeReference<>() { });
    }

    /** Takes the seats out of sale; a held or sold one refuses with SEAT_UNAVAILABLE and nothing changes. */
    public Availability blockSeats(long showId, SeatBlockRequest block) {
        return api.post("/api/admin/shows/" + showId + "/seats/block", block, new TypeReference<>() { });
    }

    public Availability unblockSeats(long showId, SeatBlockRequest unblock) {
        return api.post("/api/admin/shows/" + showId + "/seats/unblock", unblock, new TypeReference<>() { });
    }

    public ShowReport report(long showId) {
        return api.get("/api/admin/shows/" + showId + "/report", new TypeReference<>() { });
    }

    /** The show's waiting list: each tier's length, and the entries waiting or offered, in serving order. */
    public ShowWaitlist waitlist(long showId) {
        return api.get("/api/admin/shows/" + showId + "/waitlist", new TypeReference<>() { });
    }

    /** The newest entries first, at most limit of them; showId null for every show. */
    public List<AuditEntry> audit(Long showId, int limit) {
        String query = "?limit=" + limit + (showId == null ? "" : "&showId=" + showId);
        return api.get("/api/admin/audit" + query, new TypeReference<>() { });
    }
}
