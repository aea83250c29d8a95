package dev.marquee.client.common.api;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.marquee.model.Json;
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
import dev.marquee.model.error.ErrorBody;
import dev.marquee.model.error.ErrorCode;
import dev.marquee.model.line.LineStatus;
import dev.marquee.model.line.QueuePlace;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The server's HTTP contract as blocking Java calls. Blocking is deliberate: every call goes through
 * {@link dev.marquee.client.common.TaskExecutor}, so this class stays free of threading and is easy to read and test.
 */
public final class ServerApi {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);
    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final ObjectMapper JSON = Json.newMapper();
    // A newer server may send codes this client does not know yet; its sentence is still worth showing.
    private static final ObjectReader ERROR_READER = JSON.readerFor(ErrorBody.class)
            .with(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL);

    private final HttpClient http;
    private final URI server;
    private final String token;

    public ServerApi(HttpClient http, URI server) {
        this(http, server, null);
    }

    private ServerApi(HttpClient http, URI server, String token) {
        this.http = http;
        this.server = server;
        this.token = token;
    }

    /** One client for the whole application: it pools connections across calls. */
    public static HttpClient newHttpClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    public URI server() {
        return server;
    }

    /** The token every call carries, for the live connection's sign-in; null before sign-in. */
    public String token() {
        return token;
    }

    /** The same server, with every call made as the user the token belongs to. */
    public ServerApi withToken(String bearerToken) {
        return new ServerApi(http, server, bearerToken);
    }

    public LoginResponse login(LoginRequest request) {
        return send(post("/api/auth/login", request), new TypeReference<>() { });
    }

    public void logout() {
        send(post("/api/auth/logout", null), null);
    }

    public List<EventSummary> events() {
        return send(request("/api/events").GET(), new TypeReference<>() { });
    }

    public Availability availability(long showId) {
        return send(request("/api/shows/" + showId + "/availability").GET(), new TypeReference<>() { });
    }

    /** A box-office sale in one request; the key makes a retry after a lost answer safe. */
    public OrderView sell(SaleRequest sale, String idempotencyKey) {
        return send(post("/api/sales", sale).header(IDEMPOTENCY_KEY, idempotencyKey), new TypeReference<>() { });
    }

    public HoldView hold(HoldRequest hold, String idempotencyKey) {
        return send(post("/api/holds", hold).header(IDEMPOTENCY_KEY, idempotencyKey), new TypeReference<>() { });
    }

    public void releaseHold(String holdId) {
        send(request("/api/holds/" + holdId).DELETE(), null);
    }

    public OrderView checkout(String holdId, CheckoutRequest checkout, String idempotencyKey) {
        return send(post("/api/holds/" + holdId + "/checkout", checkout).header(IDEMPOTENCY_KEY, idempotencyKey),
                new TypeReference<>() { });
    }

    public List<OrderView> myOrders() {
        return send(request("/api/me/orders").GET(), new TypeReference<>() { });
    }

    /** The caller's open cash drawer shift; 404 NOT_FOUND when none is open. */
    public ShiftReport currentShift() {
        return send(request("/api/shifts/current").GET(), new TypeReference<>() { });
    }

    public ShiftView openShift(ShiftOpenRequest open) {
        return send(post("/api/shifts", open), new TypeReference<>() { });
    }

    public ShiftReport closeShift(String shiftId, ShiftCloseRequest close) {
        return send(post("/api/shifts/" + segment(shiftId) + "/close", close), new TypeReference<>() { });
    }

    public OrderView order(String orderId) {
        return send(request("/api/orders/" + segment(orderId)).GET(), new TypeReference<>() { });
    }

    /** Refunds the chosen tickets (null: every valid one); the key makes a retry safe. */
    public OrderView refund(String orderId, RefundRequest refund, String idempotencyKey) {
        return send(post("/api/orders/" + segment(orderId) + "/refund", refund).header(IDEMPOTENCY_KEY, idempotencyKey),
                new TypeReference<>() { });
    }

    /** Gives tickets of an order back for new ones (v1.2), settling the difference; the key makes a retry safe. */
    public OrderView exchange(String orderId, ExchangeRequest exchange, String idempotencyKey) {
        return send(post("/api/orders/" + segment(orderId) + "/exchange", exchange)
                .header(IDEMPOTENCY_KEY, idempotencyKey), new TypeReference<>() { });
    }

    public CheckinView checkIn(CheckinRequest scan) {
        return send(post("/api/checkin", scan), new TypeReference<>() { });
    }

    /** The show's waiting line as anyone may read it. */
    public LineStatus line(long showId) {
        return send(request("/api/shows/" + showId + "/queue").GET(), new TypeReference<>() { });
    }

    /** Joins the show's line, or answers the place already held in it. */
    public QueuePlace joinLine(long showId) {
        return send(post("/api/shows/" + showId + "/queue", null), new TypeReference<>() { });
    }

    /** The caller's place in the show's line; 404 NOT_FOUND when the caller never joined. */
    public QueuePlace myPlace(long showId) {
        return send(request("/api/shows/" + showId + "/queue/me").GET(), new TypeReference<>() { });
    }

    public void leaveLine(long showId) {
        send(request("/api/shows/" + showId + "/queue/me").DELETE(), null);
    }

    public ShowDetail show(long showId) {
        return send(request("/api/shows/" + showId).GET(), new TypeReference<>() { });
    }

    /** The administrator's calls (venues, events, shows, tiers, blocks, report, audit). */
    public AdminApi admin() {
        return new AdminApi(this);
    }

    /** Joins the show's waiting list for a tier (or finds the caller's entry). */
    public WaitlistEntryView joinWaitlist(long showId, WaitlistRequest request) {
        return post("/api/shows/" + showId + "/waitlist", request, new TypeReference<>() { });
    }

    /** The caller's waiting-list entries, newest first. */
    public List<WaitlistEntryView> myWaitlist() {
        return get("/api/me/waitlist", new TypeReference<>() { });
    }

    /** One of the caller's holds (a waiting list's offer, say). */
    public HoldView hold(String holdId) {
        return get("/api/holds/" + segment(holdId), new TypeReference<>() { });
    }

    /** A voucher code as a sale of the show would find it now (staff); a code it would refuse is refused. */
    public VoucherView voucher(long showId, String code) {
        return get("/api/shows/" + showId + "/vouchers/" + segment(code), new TypeReference<>() { });
    }

    /** The order's valid tickets as a PDF to print at home (owner, or staff). */
    public byte[] ticketsPdf(String orderId) {
        return download("/api/orders/" + segment(orderId) + "/tickets.pdf");
    }

    /** An answer that is not JSON (a PDF, a CSV), as its bytes; errors as every other call's. */
    byte[] download(String path) {
        HttpResponse<byte[]> response = exchange(request(path).header("Accept", "*/*").GET().build());
        int status = response.statusCode();
        if (status < 200 || status > 299) {
            throw new ApiException(status, errorBody(status, response.body()));
        }
        return response.body();
    }

    <T> T get(String path, TypeReference<T> answerType) {
        return send(request(path).GET(), answerType);
    }

    <T> T post(String path, Object body, TypeReference<T> answerType) {
        return send(post(path, body), answerType);
    }

    <T> T patch(String path, Object body, TypeReference<T> answerType) {
        return send(patch(path, body), answerType);
    }

    /** Ids typed by a person go into the path; encoding keeps a stray slash or space from changing the route. */
    private static String segment(String id) {
        return URLEncoder.encode(id.strip(), StandardCharsets.UTF_8).replace("+", "%20");
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(server + path))
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private HttpRequest.Builder post(String path, Object body) {
        if (body == null) {
            return request(path).POST(HttpRequest.BodyPublishers.noBody());
        }
        return request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bodyBytes(path, body)));
    }

    private HttpRequest.Builder patch(String path, Object body) {
        return request(path)
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(bodyBytes(path, body)));
    }

    private static byte[] bodyBytes(String path, Object body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot write request body for " + path, e);
        }
    }

    private <T> T send(HttpRequest.Builder builder, TypeReference<T> answerType) {
        HttpResponse<byte[]> response = exchange(builder.build());
        int status = response.statusCode();
        if (status < 200 || status > 299) {
            throw new ApiException(status, errorBody(status, response.body()));
        }
        if (answerType == null) {
            return null;
        }
        try {
            return JSON.readValue(response.body(), answerType);
        } catch (IOException e) {
            throw new IllegalStateException("Unreadable answer from " + response.uri(), e);
        }
    }

    private HttpResponse<byte[]> exchange(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpConnectTimeoutException e) {
            throw ServerUnreachableException.cannotReach(server, e);
        } catch (HttpTimeoutException e) {
            throw ServerUnreachableException.tooSlow(server, e);
        } catch (IOException e) {
            throw ServerUnreachableException.cannotReach(server, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerUnreachableException("Stopped waiting for the server at " + server + ".", e);
        }
    }

    private ErrorBody errorBody(int status, byte[] body) {
        try {
            ErrorBody parsed = ERROR_READER.readValue(body);
            if (parsed != null && parsed.message() != null && !parsed.message().isBlank()) {
                return parsed;
            }
        } catch (IOException e) {
            // Not the contract's body (a proxy's HTML page, say): fall through to a sentence of our own.
        }
        return new ErrorBody(codeFor(status),
                "The server at " + server + " answered with HTTP status " + status + ".", Map.of());
    }

    private static ErrorCode codeFor(int status) {
        for (ErrorCode code : ErrorCode.values()) {
            if (code.httpStatus() == status) {
                return code;
            }
        }
        return ErrorCode.INTERNAL;
    }
}
