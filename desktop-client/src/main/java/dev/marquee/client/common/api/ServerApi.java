package dev.marquee.client.common.api;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.marquee.model.admin.VoucherView;
import dev.marquee.model.auth.LoginRequest;
import dev.marquee.model.auth.LoginResponse;
import dev.marquee.model.booking.CheckoutRequest;
import dev.marquee.model.booking.ExchangeRequest;
import dev.marquee.model.booking.HoldRequest;
import dev.marquee.model.booking.HoldView;
import dev.marquee.model.booking.OrderView;
import dev.marquee.model.booking.RefundRequest;
import dev.marquee.model.booking.SaleRequest;
import dev.marquee.model.booking.WaitlistEntryView;
import dev.marquee.model.booking.WaitlistRequest;
import dev.marquee.model.boxoffice.CheckinRequest;
import dev.marquee.model.boxoffice.CheckinView;
import dev.marquee.model.boxoffice.ShiftCloseRequest;
import dev.marquee.model.boxoffice.ShiftOpenRequest;
import dev.marquee.model.boxoffice.ShiftReport;
import dev.marquee.model.boxoffice.ShiftView;
import dev.marquee.model.catalog.Availability;
import dev.marquee.model.catalog.EventSummary;
import dev.marquee.model.catalog.ShowDetail;
import dev.marquee.model.line.LineStatus;
import dev.marquee.model.line.QueuePlace;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;

/**
 * The server's HTTP contract as blocking Java calls. Blocking is deliberate: every call goes through
 * {@link dev.marquee.client.common.TaskExecutor}, so this class stays free of threading and is easy to read and test.
 */
public final class ServerApi {

    private final HttpCalls calls;

    public ServerApi(HttpClient http, URI server) {
        this(new HttpCalls(http, server, null));
    }

    private ServerApi(HttpCalls calls) {
        this.calls = calls;
    }

    /** One client for the whole application: it pools connections across calls. */
    public static HttpClient newHttpClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    public URI server() {
        return calls.server();
    }

    /** The token every call carries, for the live connection's sign-in; null before sign-in. */
    public String token() {
        return calls.token();
    }

    /** The same server, with every call made as the user the token belongs to. */
    public ServerApi withToken(String bearerToken) {
        return new ServerApi(calls.withToken(bearerToken));
    }

    public LoginResponse login(LoginRequest request) {
        return calls.post("/api/auth/login", request, new TypeReference<>() { });
    }

    public void logout() {
        calls.post("/api/auth/logout", null, null);
    }

    public List<EventSummary> events() {
        return calls.get("/api/events", new TypeReference<>() { });
    }

    public Availability availability(long showId) {
        return calls.get("/api/shows/" + showId + "/availability", new TypeReference<>() { });
    }

    /** A box-office sale in one request; the key makes a retry after a lost answer safe. */
    public OrderView sell(SaleRequest sale, String idempotencyKey) {
        return calls.postOnce("/api/sales", sale, idempotencyKey, new TypeReference<>() { });
    }

    public HoldView hold(HoldRequest hold, String idempotencyKey) {
        return calls.postOnce("/api/holds", hold, idempotencyKey, new TypeReference<>() { });
    }

    public void releaseHold(String holdId) {
        calls.delete("/api/holds/" + holdId);
    }

    public OrderView checkout(String holdId, CheckoutRequest checkout, String idempotencyKey) {
        return calls.postOnce("/api/holds/" + holdId + "/checkout", checkout, idempotencyKey,
                new TypeReference<>() { });
    }

    public List<OrderView> myOrders() {
        return calls.get("/api/me/orders", new TypeReference<>() { });
    }

    /** The caller's open cash drawer shift; 404 NOT_FOUND when none is open. */
    public ShiftReport currentShift() {
        return calls.get("/api/shifts/current", new TypeReference<>() { });
    }

    public ShiftView openShift(ShiftOpenRequest open) {
        return calls.post("/api/shifts", open, new TypeReference<>() { });
    }

    public ShiftReport closeShift(String shiftId, ShiftCloseRequest close) {
        return calls.post("/api/shifts/" + segment(shiftId) + "/close", close, new TypeReference<>() { });
    }

    public OrderView order(String orderId) {
        return calls.get("/api/orders/" + segment(orderId), new TypeReference<>() { });
    }

    /** Refunds the chosen tickets (null: every valid one); the key makes a retry safe. */
    public OrderView refund(String orderId, RefundRequest refund, String idempotencyKey) {
        return calls.postOnce("/api/orders/" + segment(orderId) + "/refund", refund, idempotencyKey,
                new TypeReference<>() { });
    }

    /** Gives tickets of an order back for new ones (v1.2), settling the difference; the key makes a retry safe. */
    public OrderView exchange(String orderId, ExchangeRequest exchange, String idempotencyKey) {
        return calls.postOnce("/api/orders/" + segment(orderId) + "/exchange", exchange, idempotencyKey,
                new TypeReference<>() { });
    }

    public CheckinView checkIn(CheckinRequest scan) {
        return calls.post("/api/checkin", scan, new TypeReference<>() { });
    }

    /** The show's waiting line as anyone may read it. */
    public LineStatus line(long showId) {
        return calls.get("/api/shows/" + showId + "/queue", new TypeReference<>() { });
    }

    /** Joins the show's line, or answers the place already held in it. */
    public QueuePlace joinLine(long showId) {
        return calls.post("/api/shows/" + showId + "/queue", null, new TypeReference<>() { });
    }

    /** The caller's place in the show's line; 404 NOT_FOUND when the caller never joined. */
    public QueuePlace myPlace(long showId) {
        return calls.get("/api/shows/" + showId + "/queue/me", new TypeReference<>() { });
    }

    public void leaveLine(long showId) {
        calls.delete("/api/shows/" + showId + "/queue/me");
    }

    public ShowDetail show(long showId) {
        return calls.get("/api/shows/" + showId, new TypeReference<>() { });
    }

    /** The administrator's calls (venues, events, shows, tiers, blocks, report, audit). */
    public AdminApi admin() {
        return new AdminApi(calls);
    }

    /** Joins the show's waiting list for a tier (or finds the caller's entry). */
    public WaitlistEntryView joinWaitlist(long showId, WaitlistRequest request) {
        return calls.post("/api/shows/" + showId + "/waitlist", request, new TypeReference<>() { });
    }

    /** The caller's waiting-list entries, newest first. */
    public List<WaitlistEntryView> myWaitlist() {
        return calls.get("/api/me/waitlist", new TypeReference<>() { });
    }

    /** One of the caller's holds (a waiting list's offer, say). */
    public HoldView hold(String holdId) {
        return calls.get("/api/holds/" + segment(holdId), new TypeReference<>() { });
    }

    /** A voucher code as a sale of the show would find it now (staff); a code it would refuse is refused. */
    public VoucherView voucher(long showId, String code) {
        return calls.get("/api/shows/" + showId + "/vouchers/" + segment(code), new TypeReference<>() { });
    }

    /** The order's valid tickets as a PDF to print at home (owner, or staff). */
    public byte[] ticketsPdf(String orderId) {
        return calls.download("/api/orders/" + segment(orderId) + "/tickets.pdf");
    }

    private static String segment(String id) {
        return HttpCalls.segment(id);
    }
}
