package dev.marquee.server.booking.orders;

import dev.marquee.model.booking.OrderView;
import dev.marquee.server.error.ApiException;

/**
 * How a sale's answer is written down: the HTTP layer's encoding, given to {@link SaleService} when it is wired, so
 * that a sale stores its answer under its Idempotency-Key in its own transaction (and a retry is replayed byte for
 * byte) while the sale itself deals only in orders and refusals.
 */
public interface SaleAnswers {

    /** An answer as it is sent and stored: its status code and body. */
    record Encoded(int status, byte[] body) {
    }

    Encoded sold(OrderView order);

    Encoded refused(ApiException refusal);
}
