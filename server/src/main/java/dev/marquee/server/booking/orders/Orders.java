package dev.marquee.server.booking.orders;

import dev.marquee.model.booking.Channel;
import dev.marquee.model.booking.OrderStatus;
import dev.marquee.model.booking.OrderView;
import dev.marquee.model.booking.PaymentMethod;
import dev.marquee.model.booking.TicketStatus;
import dev.marquee.model.booking.TicketView;
import dev.marquee.server.auth.Caller;
import dev.marquee.server.db.Tx;
import dev.marquee.server.error.ApiException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Orders and their tickets: written once at a sale, read by their owner and by staff. */
final class Orders {

    private Orders() {
    }

    /** The order as its owner or staff sees it; anyone else is told it does not exist. */
    static OrderView visibleTo(Tx tx, Caller caller, UUID orderId) {
        Optional<UUID> owner = tx.first("SELECT user_id FROM orders WHERE id = ?", row -> Tx.uuid(row, "user_id"),
                orderId);
        if (owner.isEmpty() || !(caller.isStaff() || owner.get().equals(caller.id()))) {
            throw notFound(orderId);
        }
        return view(tx, orderId);
    }

    static OrderView view(Tx tx, UUID orderId) {
        return views(tx, "o.id = ?", orderId).stream().findFirst().orElseThrow(() -> notFound(orderId));
    }

    /** The caller's own orders, newest first. */
    static List<OrderView> ofUser(Tx tx, UUID userId) {
        return views(tx, "o.user_id = ?", userId);
    }

    private static List<OrderView> views(Tx tx, String where, Object param) {
        Map<UUID, List<TicketView>> tickets = new LinkedHashMap<>();
        tx.list("""
                SELECT t.order_id, t.id, t.code, t.tier_id, ti.name, t.seat_label, t.price_cents, t.status
                FROM tickets t JOIN tiers ti ON ti.id = t.tier_id JOIN orders o ON o.id = t.order_id
                WHERE\s""" + where + " ORDER BY t.tier_id, t.seat_id NULLS LAST, t.id", row -> {
            tickets.computeIfAbsent(Tx.uuid(row, "order_id"), id -> new ArrayList<>()).add(new TicketView(
                    Tx.uuid(row, "id").toString(), row.getString("code"), row.getLong("tier_id"), row.getString("name"),
                    row.getString("seat_label"), row.getInt("price_cents"),
                    TicketStatus.valueOf(row.getString("status"))));
            return null;
        }, param);
        return tx.list("""
                SELECT o.id, o.show_id, e.title, s.starts_at, o.channel, o.status, o.customer_name, o.total_cents,
                       o.change_due_cents, o.created_at, o.voucher_code, o.exchanged_from_order_id, o.refunded_cents,
                       o.payment_method
                FROM orders o JOIN shows s ON s.id = o.show_id JOIN events e ON e.id = s.event_id
                WHERE\s""" + where + " ORDER BY o.created_at DESC, o.id", row -> new OrderView(
                Tx.uuid(row, "id").toString(), row.getLong("show_id"), row.getString("title"),
                Tx.instant(row, "starts_at"), Channel.valueOf(row.getString("channel")),
                OrderStatus.valueOf(row.getString("status")), row.getString("customer_name"),
                row.getLong("total_cents"), Tx.nullableLong(row, "change_due_cents"), Tx.instant(row, "created_at"),
                List.copyOf(tickets.getOrDefault(Tx.uuid(row, "id"), List.of())), row.getString("voucher_code"),
                Optional.ofNullable(Tx.uuid(row, "exchanged_from_order_id")).map(UUID::toString).orElse(null),
                row.getObject("exchanged_from_order_id") == null ? null : row.getLong("refunded_cents"),
                PaymentMethod.valueOf(row.getString("payment_method"))), param);
    }

    static ApiException notFound(UUID orderId) {
        return ApiException.notFound("There is no order " + orderId + ".");
    }
}
