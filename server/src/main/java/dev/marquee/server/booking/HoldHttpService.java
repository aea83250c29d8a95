package dev.marquee.server.booking;

import dev.marquee.model.booking.CheckoutRequest;
import dev.marquee.model.booking.HoldRequest;
import dev.marquee.model.booking.Payment;
import dev.marquee.server.auth.Authenticator;
import dev.marquee.server.auth.Caller;
import dev.marquee.server.booking.holds.CheckoutService;
import dev.marquee.server.booking.holds.HoldService;
import dev.marquee.server.booking.lanes.Admission;
import dev.marquee.server.booking.lanes.BookingStrategy;
import dev.marquee.server.booking.orders.CashDrawer;
import dev.marquee.server.booking.orders.Payments;
import dev.marquee.server.booking.stock.BookingItems;
import dev.marquee.server.booking.vouchers.Vouchers;
import dev.marquee.server.db.TransactionRunner;
import dev.marquee.server.error.TooManyRequestsException;
import dev.marquee.server.http.HttpJson;
import dev.marquee.server.http.PathIds;
import dev.marquee.server.http.RequestBody;
import dev.marquee.server.idempotency.Idempotency;
import dev.marquee.server.observe.BookingMetrics;
import dev.marquee.server.onsale.LineGate;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.OptionalLong;
import java.util.UUID;

/** /api/holds: make, read, release and check out holds. */
public final class HoldHttpService implements HttpService {

    private final HoldService holds;
    private final CheckoutService checkout;
    private final CashDrawer cashDrawer;
    private final BookingStrategy strategy;
    private final Admission admission;
    private final LineGate gate;
    private final Authenticator authenticator;
    private final Idempotency idempotency;
    private final HttpJson json;
    private final BookingMetrics metrics;

    public HoldHttpService(HoldService holds, CheckoutService checkout, CashDrawer cashDrawer,
                           BookingStrategy strategy, Admission admission, LineGate gate, Authenticator authenticator,
                           Idempotency idempotency, HttpJson json, BookingMetrics metrics) {
        this.strategy = strategy;
        this.admission = admission;
        this.gate = gate;
        this.holds = holds;
        this.checkout = checkout;
        this.cashDrawer = cashDrawer;
        this.authenticator = authenticator;
        this.idempotency = idempotency;
        this.json = json;
        this.metrics = metrics;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/holds", metrics.timed(BookingMetrics.Kind.HOLD, this::create))
                .get("/holds/{holdId}", this::get)
                .delete("/holds/{holdId}", this::release)
                .post("/holds/{holdId}/checkout", metrics.timed(BookingMetrics.Kind.CHECKOUT, this::checkout));
    }

    /**
     * A FAN's hold on a show whose line is engaged needs an admission (the request is checked first, then the place);
     * an admitted fan is never refused for load. Every other hold has the load check before its body is read, so
     * refusals cost little; a FAN it would refuse on an AUTO show is sent to the line that engages instead.
     */
    private void create(ServerRequest request, ServerResponse response) {
        Caller caller = authenticator.caller(request);
        String key = idempotency.requireKey(request);
        RequestBody body = json.body(request);
        OptionalLong named = BookingRequests.showIdIn(body);
        boolean queued = named.isPresent() && gate.queues(caller, named.getAsLong());
        if (!queued) {
            admitOrSendToLine(caller, named);
        }
        HoldRequest hold = body.as(HoldRequest.class);
        long showId = BookingRequests.showId(hold.showId());
        BookingItems wanted = BookingItems.of(hold.items(), hold.seatIds());
        String voucherCode = Vouchers.code(hold.voucherCode());
        LineGate.Pass pass = queued ? gate.check(caller, showId) : LineGate.Pass.FREE;
        TransactionRunner lane = strategy.forShow(showId, pass == LineGate.Pass.FREE);
        try {
            idempotency.run(request, response, caller.id(), key, body, Status.CREATED_201, lane,
                    tx -> holds.create(tx, caller, showId, wanted, voucherCode, pass));
        } catch (TooManyRequestsException refused) {
            throw gate.insteadOfRefusal(caller, showId, refused);
        }
    }

    private void admitOrSendToLine(Caller caller, OptionalLong showId) {
        try {
            admission.admit(showId);
        } catch (TooManyRequestsException refused) {
            throw showId.isPresent() ? gate.insteadOfRefusal(caller, showId.getAsLong(), refused) : refused;
        }
    }

    private void get(ServerRequest request, ServerResponse response) {
        Caller caller = authenticator.caller(request);
        json.send(response, Status.OK_200, holds.get(caller, PathIds.uuid(request, "holdId")));
    }

    private void release(ServerRequest request, ServerResponse response) {
        Caller caller = authenticator.caller(request);
        holds.release(caller, PathIds.uuid(request, "holdId"));
        response.status(Status.NO_CONTENT_204).send();
    }

    private void checkout(ServerRequest request, ServerResponse response) {
        Caller caller = authenticator.caller(request);
        UUID holdId = PathIds.uuid(request, "holdId");
        String key = idempotency.requireKey(request);
        RequestBody body = json.body(request);
        CheckoutRequest order = body.as(CheckoutRequest.class);
        Payment payment = Payments.check(order.payment(), caller);
        String customerName = BookingRequests.customerName(order.customerName(), caller);
        cashDrawer.requireOpenFor(caller, payment);
        // In the show's lane, with the holds: a checkout outside it queued for the tier locks behind every batch.
        // Never refused for load: the hold already took the stock, and a fan with tickets in the basket is not told
        // to try again. Checkouts are bounded by the holds there are.
        TransactionRunner lane = strategy.forShow(holds.showOf(caller, holdId), false);
        idempotency.run(request, response, caller.id(), key, body, Status.CREATED_201, lane,
                tx -> checkout.checkout(tx, caller, holdId, payment, customerName));
    }
}
