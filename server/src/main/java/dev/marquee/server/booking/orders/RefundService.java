package dev.marquee.server.booking.orders;

import dev.marquee.model.booking.OrderView;
import dev.marquee.server.audit.Audit;
import dev.marquee.server.auth.Caller;
import dev.marquee.server.booking.stock.LockOrder;
import dev.marquee.server.booking.stock.ShowVersions;
import dev.marquee.server.booking.stock.Stock;
import dev.marquee.server.booking.stock.StockReturns;
import dev.marquee.server.boxoffice.Shifts;
import dev.marquee.server.db.Tx;
import dev.marquee.server.error.ApiException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/** Refunds whole orders or chosen tickets; the stock goes back on sale in the same transaction. */
public final class RefundService {

    private record Ticket(UUID id, long tierId, Long seatId, int priceCents, String status) {
    }

    private final Audit audit;
    private final StockReturns returns;

    public RefundService(Audit audit, StockReturns returns) {
        this.audit = audit;
        this.returns = returns;
    }

    /** {@code ticketIds} null means every valid ticket of the order. */
    public OrderView refund(Tx tx, Caller caller, UUID orderId, List<UUID> ticketIds) {
        record Head(long showId, String paymentMethod) {
        }
        Optional<UUID> shiftId = Shifts.openShiftOf(tx, caller.id());
        Head order = tx.first("SELECT show_id, payment_method FROM orders WHERE id = ? FOR UPDATE",
                row -> new Head(row.getLong("show_id"), row.getString("payment_method")), orderId)
                .orElseThrow(() -> Orders.notFound(orderId));
        if (order.paymentMethod().equals("CASH") && shiftId.isEmpty()) {
            throw Shifts.noOpenShift();
        }
        List<Ticket> tickets = tx.list("""
                SELECT id, tier_id, seat_id, price_cents, status FROM tickets WHERE order_id = ? ORDER BY id FOR UPDATE""",
                row -> new Ticket(Tx.uuid(row, "id"), row.getLong("tier_id"), Tx.nullableLong(row, "seat_id"),
                        row.getInt("price_cents"), row.getString("status")), orderId);
        List<Ticket> refunded = chosen(tickets, ticketIds);
        Map<Long, Integer> perTier = new TreeMap<>();
        refunded.forEach(ticket -> perTier.merge(ticket.tierId(), 1, Integer::sum));
        List<Long> seatIds = refunded.stream().map(Ticket::seatId).filter(java.util.Objects::nonNull).sorted().toList();
        LockOrder.tiersOfShow(tx, order.showId(), perTier.keySet());
        LockOrder.seats(tx, order.showId(), seatIds);
        perTier.forEach((tierId, count) -> Stock.addSold(tx, tierId, -count));
        Stock.setSeats(tx, order.showId(), seatIds, "AVAILABLE", null);
        tx.update("UPDATE tickets SET status = 'REFUNDED', refunded_at = now() WHERE id = ANY(?)",
                tx.uuids(refunded.stream().map(Ticket::id).toList()));
        tx.update("""
                UPDATE orders SET status = CASE WHEN EXISTS (
                    SELECT 1 FROM tickets WHERE order_id = ? AND status <> 'REFUNDED')
                    THEN 'PARTIALLY_REFUNDED' ELSE 'REFUNDED' END
                WHERE id = ?""", orderId, orderId);
        long amount = refunded.stream().mapToLong(Ticket::priceCents).sum();
        tx.update("""
                INSERT INTO refunds (id, order_id, staff_id, payment_method, amount_cents, tickets, shift_id)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", UUID.randomUUID(), orderId, caller.id(), order.paymentMethod(), amount,
                refunded.size(), shiftId.orElse(null));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("orderId", orderId.toString());
        details.put("ticketIds", refunded.stream().map(ticket -> ticket.id().toString()).toList());
        details.put("amountCents", amount);
        details.put("paymentMethod", order.paymentMethod());
        details.put("tiers", perTier.entrySet().stream()
                .map(entry -> Map.of("tierId", entry.getKey(), "quantity", entry.getValue())).toList());
        details.put("seatIds", seatIds);
        audit.record(tx, caller.email(), "REFUND", order.showId(), details);
        returns.returned(tx, order.showId(), perTier.keySet());
        ShowVersions.bump(tx, order.showId());
        return Orders.view(tx, orderId);
    }

    private static List<Ticket> chosen(List<Ticket> tickets, List<UUID> ticketIds) {
        if (ticketIds == null) {
            List<Ticket> valid = tickets.stream().filter(ticket -> ticket.status().equals("VALID")).toList();
            if (valid.isEmpty()) {
                throw ApiException.validation("ticketIds", "This order has no valid tickets left to refund.");
            }
            return valid;
        }
        Map<UUID, Ticket> byId = tickets.stream().collect(Collectors.toMap(Ticket::id, ticket -> ticket));
        Set<UUID> unknown = ticketIds.stream().filter(id -> !byId.containsKey(id)).collect(Collectors.toSet());
        if (!unknown.isEmpty()) {
            throw ApiException.notFound("Ticket " + unknown.iterator().next() + " is not part of this order.");
        }
        for (UUID id : ticketIds) {
            String status = byId.get(id).status();
            if (!status.equals("VALID")) {
                throw ApiException.validation("ticketIds", "Ticket " + id + " cannot be refunded: it is "
                        + (status.equals("REFUNDED") ? "already refunded." : "already checked in."));
            }
        }
        return ticketIds.stream().map(byId::get).toList();
    }
}
