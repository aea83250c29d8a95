package dev.marquee.server.booking.orders;

import dev.marquee.model.booking.OrderView;
import dev.marquee.server.auth.Caller;
import dev.marquee.server.db.Transactions;
import java.util.List;
import java.util.UUID;

/** Reading orders: one by id for its owner or staff, or all of the caller's own. */
public final class OrderService {

    private final Transactions transactions;

    public OrderService(Transactions transactions) {
        this.transactions = transactions;
    }

    public OrderView get(Caller caller, UUID orderId) {
        return transactions.inSnapshot(tx -> Orders.visibleTo(tx, caller, orderId));
    }

    public List<OrderView> mine(Caller caller) {
        return transactions.inSnapshot(tx -> Orders.ofUser(tx, caller.id()));
    }
}
