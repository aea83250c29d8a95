package dev.marquee.server.booking.orders;

import dev.marquee.model.booking.Channel;
import dev.marquee.model.booking.OrderView;
import dev.marquee.model.booking.Payment;
import dev.marquee.model.booking.PaymentMethod;
import dev.marquee.server.audit.Audit;
import dev.marquee.server.auth.Caller;
import dev.marquee.server.booking.stock.Allocation;
import dev.marquee.server.booking.stock.Allocator;
import dev.marquee.server.booking.stock.BookingItems;
import dev.marquee.server.booking.stock.LockOrder;
import dev.marquee.server.booking.stock.SaleWindow;
import dev.marquee.server.booking.stock.ShowVersions;
import dev.marquee.server.booking.stock.Stock;
import dev.marquee.server.booking.stock.StockReturns;
import dev.marquee.server.booking.stock.VenueLayouts;
import dev.marquee.server.boxoffice.Shifts;
import dev.marquee.server.db.Pipeline;
import dev.marquee.server.db.Tx;
import dev.marquee.server.error.ApiException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Exchanges at the counter (docs/api-v1.2.md, "Exchanges"), all in the idempotent request's one transaction: the
 * tickets given back become EXCHANGED and their stock returns, new tickets of the new show are sold at today's
 * prices, and the difference is charged (the payment given) or paid back (to the first order's payment method; cash
 * through the clerk's drawer). Anything refused (a seat taken, too few tickets, a declined card, no shift for cash)
 * rolls it all back.
 */
public final class ExchangeService {

    private record Ticket(UUID id, long tierId, Long seatId, int priceCents, String status) {
    }

    private record First(long showId, PaymentMethod paymentMethod, String cardLast4, String customerName) {
    }

    private final Audit audit;
    private final VenueLayouts layouts;
    private final SaleWindow window;
    private final StockReturns returns;

    public ExchangeService(Audit audit, VenueLayouts layouts, SaleWindow window, StockReturns returns) {
        this.audit = audit;
        this.layouts = layouts;
        this.window = window;
        this.returns = returns;
    }

    public OrderView exchange(Tx tx, Caller caller, UUID orderId, List<UUID> ticketIds, long showId,
                              BookingItems wanted, Payment payment) {
        Optional<UUID> openShift = Shifts.openShiftOf(tx, caller.id());
        First first = tx.first("""
                SELECT show_id, payment_method, card_last4, customer_name FROM orders WHERE id = ? FOR UPDATE""",
                row -> new First(row.getLong("show_id"), PaymentMethod.valueOf(row.getString("payment_method")),
                        row.getString("card_last4"), row.getString("customer_name")), orderId)
                .orElseThrow(() -> Orders.notFound(orderId));
        List<Ticket> given = given(tx.list("""
                SELECT id, tier_id, seat_id, price_cents, status FROM tickets WHERE order_id = ? ORDER BY id FOR UPDATE""",
                row -> new Ticket(Tx.uuid(row, "id"), row.getLong("tier_id"), Tx.nullableLong(row, "seat_id"),
                        row.getInt("price_cents"), row.getString("status")), orderId), ticketIds);

        // Every tier either side may touch, in id order: those given back and all of the new show's.
        Map<Long, Integer> perTier = new TreeMap<>();
        given.forEach(ticket -> perTier.merge(ticket.tierId(), 1, Integer::sum));
        LockOrder.tiersNamedAndOfShows(tx, perTier.keySet(), List.of(showId));
        List<Long> seatIds = given.stream().map(Ticket::seatId).filter(Objects::nonNull).sorted().toList();
        LockOrder.seats(tx, first.showId(), seatIds);
        perTier.forEach((tierId, count) -> Stock.addSold(tx, tierId, -count));
        Stock.setSeats(tx, first.showId(), seatIds, "AVAILABLE", null);
        tx.update("UPDATE tickets SET status = 'EXCHANGED', exchanged_at = now() WHERE id = ANY(?)",
                tx.uuids(given.stream().map(Ticket::id).toList()));

        Allocation allocation = Allocator.allocate(tx, layouts, showId, wanted, Allocator.Target.SOLD, null,
                window.forCaller(caller));
        long credit = given.stream().mapToLong(Ticket::priceCents).sum();
        long charged = Math.max(0, allocation.totalCents() - credit);
        long refunded = Math.max(0, credit - allocation.totalCents());
        Payments.Settled settled;
        UUID shiftId = null;
        if (charged > 0) {
            if (payment == null) {
                throw ApiException.validation("payment", "The new tickets cost " + Payments.dollars(charged)
                        + " more: give a payment for the difference.");
            }
            if (payment.method() == PaymentMethod.CASH) {
                shiftId = openShift.orElseThrow(Shifts::noOpenShift);
            }
            settled = Payments.settle(payment, charged);
        } else {
            if (refunded > 0 && first.paymentMethod() == PaymentMethod.CASH) {
                shiftId = openShift.orElseThrow(Shifts::noOpenShift);
            }
            settled = new Payments.Settled(first.paymentMethod(), null, null,
                    first.paymentMethod() == PaymentMethod.CARD ? first.cardLast4() : null);
        }
        // What the new tickets did not take back goes to the waiting lists of the tiers given back.
        returns.returned(tx, first.showId(), perTier.keySet());
        NewOrder order = NewOrder.of(NewOrder.newId(), caller, allocation, null, Channel.BOX_OFFICE,
                first.customerName(), settled, shiftId, null);
        Pipeline writes = tx.pipeline();
        NewOrder.insertAll(writes, List.of(order));
        // The new order is the first order's owner's (a fan's online order exchanged at the counter stays theirs to
        // see and print); the clerk who made it is in the audit.
        writes.add("""
                UPDATE orders SET total_cents = ?, credit_cents = ?, refunded_cents = ?, exchanged_from_order_id = ?,
                    user_id = (SELECT user_id FROM orders WHERE id = ?)
                WHERE id = ?""", charged, credit, refunded, orderId, orderId, order.id());
        audit.recordAll(writes, List.of(new Audit.Entry(caller.email(), "EXCHANGE", showId,
                auditDetails(orderId, first, given, order, credit, charged, refunded))));
        ShowVersions.bumpAll(writes, new TreeSet<>(List.of(first.showId(), showId)));
        writes.run();
        return Orders.view(tx, order.id());
    }

    /** The tickets named, every one VALID; a ticket of another order is not found. */
    private static List<Ticket> given(List<Ticket> tickets, List<UUID> ticketIds) {
        Map<UUID, Ticket> byId = tickets.stream().collect(Collectors.toMap(Ticket::id, Function.identity()));
        for (UUID id : ticketIds) {
            Ticket ticket = byId.get(id);
            if (ticket == null) {
                throw ApiException.notFound("Ticket " + id + " is not part of this order.");
            }
            if (!ticket.status().equals("VALID")) {
                throw ApiException.validation("ticketIds", "Ticket " + id + " cannot be exchanged: it is "
                        + ticket.status().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ".");
            }
        }
        return ticketIds.stream().map(byId::get).toList();
    }

    private static Map<String, Object> auditDetails(UUID fromOrderId, First first, List<Ticket> given,
                                                    NewOrder order, long credit, long charged, long refunded) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("fromOrderId", fromOrderId.toString());
        details.put("fromShowId", first.showId());
        details.put("ticketIds", given.stream().map(ticket -> ticket.id().toString()).toList());
        details.put("orderId", order.id().toString());
        details.put("tiers", order.allocation().lines().stream()
                .map(line -> Map.of("tierId", line.tierId(), "quantity", line.quantity())).toList());
        details.put("seatIds", order.allocation().seatIds());
        details.put("creditCents", credit);
        details.put("chargedCents", charged);
        details.put("refundedCents", refunded);
        details.put("paymentMethod", order.payment().method().name());
        return details;
    }
}
