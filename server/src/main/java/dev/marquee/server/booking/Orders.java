package dev.marquee.server.booking;

import dev.marquee.model.booking.Channel;
import dev.marquee.model.booking.OrderStatus;
import dev.marquee.model.booking.OrderView;
import dev.marquee.model.booking.TicketStatus;
import dev.marquee.model.booking.TicketView;
import dev.marquee.server.auth.Caller;
import dev.marquee.server.platform.ApiException;
import dev.marquee.server.platform.Tx;
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

    /** Writes the order and one ticket per unit taken, at the allocation's prices. */
    static UUID create(Tx tx, Caller caller, Allocation allocation, UUID holdId, Channel channel, String customerName,
                       Payments.Settled payment, UUID shiftId) {
        UUID orderId = UUID.randomUUID();
        tx.update("""
                INSERT INTO orders (id, user_id, show_id, hold_id, channel, status, customer_name, payment_method,
                                    total_cents, tendered_cents, change_due_cents, card_last4, shift_id)
                VALUES (?, ?, ?, ?, ?, 'PAID', ?, ?, ?, ?, ?, ?, ?)""",
                orderId, caller.id(), allocation.showId(), holdId, channel, customerName, payment.method(),
                allocation.totalCents(), payment.tenderedCents(), payment.changeDueCents(), payment.cardLast4(),
                shiftId);
        List<Long> tiers = new ArrayList<>();
        List<Long> seats = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        List<Integer> prices = new ArrayList<>();
        for (Allocation.Line line : allocation.lines()) {
            List<Allocation.PickedSeat> tierSeats = allocation.seats().stream()
                    .filter(seat -> seat.tierId() == line.tierId()).toList();
            for (int i = 0; i < line.quantity(); i++) {
                Allocation.PickedSeat seat = tierSeats.isEmpty() ? null : tierSeats.get(i);
                tiers.add(line.tierId());
                seats.add(seat == null ? null : seat.seatId());
                labels.add(seat == null ? null : seat.label());
                codes.add(TicketCodes.next());
                prices.add(line.unitPriceCents());
            }
        }
        tx.update("""
                INSERT INTO tickets (order_id, show_id, tier_id, seat_id, seat_label, code, price_cents, status)
                SELECT ?, ?, t.tier_id, t.seat_id, t.label, t.code, t.price, 'VALID'
                FROM unnest(?::bigint[], ?::bigint[], ?::text[], ?::text[], ?::int[])
                     AS t(tier_id, seat_id, label, code, price)""",
                orderId, allocation.showId(), tx.bigints(tiers), tx.bigints(seats), tx.texts(labels), tx.texts(codes),
                tx.ints(prices));
        return orderId;
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
                       o.change_due_cents, o.created_at
                FROM orders o JOIN shows s ON s.id = o.show_id JOIN events e ON e.id = s.event_id
                WHERE\s""" + where + " ORDER BY o.created_at DESC, o.id", row -> new OrderView(
                Tx.uuid(row, "id").toString(), row.getLong("show_id"), row.getString("title"),
                Tx.instant(row, "starts_at"), Channel.valueOf(row.getString("channel")),
                OrderStatus.valueOf(row.getString("status")), row.getString("customer_name"),
                row.getLong("total_cents"), Tx.nullableLong(row, "change_due_cents"), Tx.instant(row, "created_at"),
                List.copyOf(tickets.getOrDefault(Tx.uuid(row, "id"), List.of()))), param);
    }

    static ApiException notFound(UUID orderId) {
        return ApiException.notFound("There is no order " + orderId + ".");
    }
}
