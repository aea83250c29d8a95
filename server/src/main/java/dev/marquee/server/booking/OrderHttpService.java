package dev.marquee.server.booking;

import dev.marquee.model.booking.ExchangeRequest;
import dev.marquee.model.booking.OrderView;
import dev.marquee.model.booking.Payment;
import dev.marquee.model.booking.RefundRequest;
import dev.marquee.model.booking.SaleRequest;
import dev.marquee.server.auth.Authenticator;
import dev.marquee.server.auth.Caller;
import dev.marquee.server.booking.lanes.Admission;
import dev.marquee.server.booking.lanes.BookingStrategy;
import dev.marquee.server.booking.orders.CashDrawer;
import dev.marquee.server.booking.orders.ExchangeService;
import dev.marquee.server.booking.orders.OrderService;
import dev.marquee.server.booking.orders.Payments;
import dev.marquee.server.booking.orders.RefundService;
import dev.marquee.server.booking.orders.SaleAnswers;
import dev.marquee.server.booking.orders.SaleJob;
import dev.marquee.server.booking.orders.SaleOutcome;
import dev.marquee.server.booking.stock.BookingItems;
import dev.marquee.server.booking.vouchers.Vouchers;
import dev.marquee.server.error.ApiException;
import dev.marquee.server.error.Validate;
import dev.marquee.server.http.ErrorResponses;
import dev.marquee.server.http.HttpJson;
import dev.marquee.server.http.PathIds;
import dev.marquee.server.http.RequestBody;
import dev.marquee.server.idempotency.Idempotency;
import dev.marquee.server.observe.BookingMetrics;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** /api/sales, /api/orders and /api/me/orders. */
public final class OrderHttpService implements HttpService {

    private final RefundService refunds;
    private final ExchangeService exchanges;
    private final OrderService orders;
    private final CashDrawer cashDrawer;
    private final BookingStrategy strategy;
    private final Admission admission;
    private final Authenticator authenticator;
    private final Idempotency idempotency;
    private final HttpJson json;
    private final BookingMetrics metrics;

    public OrderHttpService(RefundService refunds, ExchangeService exchanges, OrderService orders, CashDrawer cashDrawer,
                            BookingStrategy strategy, Admission admission, Authenticator authenticator,
                            Idempotency idempotency, HttpJson json, BookingMetrics metrics) {
        this.strategy = strategy;
        this.admission = admission;
        this.refunds = refunds;
        this.exchanges = exchanges;
        this.orders = orders;
        this.cashDrawer = cashDrawer;
        this.authenticator = authenticator;
        this.idempotency = idempotency;
        this.json = json;
        this.metrics = metrics;
    }

    /** How sales' answers are written down for their keys: as {@link #sell} sends them. */
    public static SaleAnswers saleAnswers(HttpJson json, ErrorResponses errors) {
        int created = Status.CREATED_201.code();
        return new SaleAnswers() {
            @Override
            public Encoded sold(OrderView order) {
                return new Encoded(created, json.toBytes(order));
            }

            @Override
            public Encoded refused(ApiException refusal) {
                return new Encoded(refusal.code().httpStatus(), errors.bodyOf(refusal));
            }
        };
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/sales", metrics.timed(BookingMetrics.Kind.SALE, this::sell))
                .get("/orders/{orderId}", this::get)
                .post("/orders/{orderId}/refund", this::refund)
                .post("/orders/{orderId}/exchange", this::exchange)
                .get("/me/orders", this::mine);
    }

    private void sell(ServerRequest request, ServerResponse response) {
        Caller caller = authenticator.caller(request).requireStaff();
        String key = idempotency.requireKey(request);
        RequestBody body = json.body(request);
        admission.admit(BookingRequests.showIdIn(body));
        SaleRequest sale = body.as(SaleRequest.class);
        long showId = BookingRequests.showId(sale.showId());
        BookingItems wanted = BookingItems.of(sale.items(), sale.seatIds());
        Payment payment = Payments.check(sale.payment(), caller);
        String customerName = BookingRequests.customerName(sale.customerName(), caller);
        cashDrawer.requireOpenFor(caller, payment);
        SaleOutcome outcome = strategy.sell(new SaleJob(caller, key, idempotency.fingerprint(request, body), showId,
                wanted, payment, customerName, Vouchers.code(sale.voucherCode())));
        if (outcome.refusal() != null) {
            throw outcome.refusal();
        }
        if (outcome.replayed()) {
            idempotency.sendReplay(response, outcome.status(), outcome.body());
        } else {
            json.sendRaw(response, Status.create(outcome.status()), outcome.body());
        }
    }

    private void get(ServerRequest request, ServerResponse response) {
        Caller caller = authenticator.caller(request);
        json.send(response, Status.OK_200, orders.get(caller, PathIds.uuid(request, "orderId")));
    }

    private void refund(ServerRequest request, ServerResponse response) {
        Caller caller = authenticator.caller(request).requireStaff();
        UUID orderId = PathIds.uuid(request, "orderId");
        String key = idempotency.requireKey(request);
        Optional<RequestBody> body = json.optionalBody(request);
        List<UUID> ticketIds = BookingRequests.ticketIds(
                body.map(b -> b.as(RefundRequest.class).ticketIds()).orElse(null));
        idempotency.run(request, response, caller.id(), key, body.orElse(null), Status.OK_200,
                tx -> refunds.refund(tx, caller, orderId, ticketIds));
    }

    /** An exchange at the counter: staff only, with an Idempotency-Key, as a sale. */
    private void exchange(ServerRequest request, ServerResponse response) {
        Caller caller = authenticator.caller(request).requireStaff();
        UUID orderId = PathIds.uuid(request, "orderId");
        String key = idempotency.requireKey(request);
        RequestBody body = json.body(request);
        ExchangeRequest exchange = body.as(ExchangeRequest.class);
        List<UUID> ticketIds = BookingRequests.ticketIds(Validate.present("ticketIds", exchange.ticketIds()));
        if (ticketIds.isEmpty()) {
            throw ApiException.validation("ticketIds", "Field 'ticketIds' must name the tickets to exchange.");
        }
        long showId = BookingRequests.showId(exchange.showId());
        BookingItems wanted = BookingItems.of(exchange.items(), exchange.seatIds());
        Payment payment = exchange.payment() == null ? null : Payments.check(exchange.payment(), caller);
        if (payment != null) {
            cashDrawer.requireOpenFor(caller, payment);
        }
        idempotency.run(request, response, caller.id(), key, body, Status.CREATED_201,
                tx -> exchanges.exchange(tx, caller, orderId, ticketIds, showId, wanted, payment));
    }

    private void mine(ServerRequest request, ServerResponse response) {
        json.send(response, Status.OK_200, orders.mine(authenticator.caller(request)));
    }
}
