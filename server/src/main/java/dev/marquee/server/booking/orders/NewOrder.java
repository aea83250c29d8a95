package dev.marquee.server.booking.orders;

import dev.marquee.model.booking.Channel;
import dev.marquee.model.booking.OrderStatus;
import dev.marquee.model.booking.OrderView;
import dev.marquee.model.booking.TicketStatus;
import dev.marquee.model.booking.TicketView;
import dev.marquee.server.auth.Caller;
import dev.marquee.server.booking.stock.Allocation;
import dev.marquee.server.booking.vouchers.Redemption;
import dev.marquee.server.db.Pipeline;
import dev.marquee.server.db.Tx;
import dev.marquee.server.platform.TimeOrderedIds;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * An order about to be written, with its tickets' ids and codes already chosen, so that many can be written in two
 * statements and each answered without reading it back.
 */
public record NewOrder(UUID id, Caller caller, Allocation allocation, UUID holdId, Channel channel, String customerName,
                Payments.Settled payment, UUID shiftId, Redemption voucher, List<NewTicket> tickets) {

    record NewTicket(UUID id, long tierId, String tierName, Long seatId, String seatLabel, String code,
                     int priceCents) {
    }

    /** A new order's id, chosen before it is written (a voucher's claim names it). */
    public static UUID newId() {
        return TimeOrderedIds.next();
    }

    /**
     * The order {@code id} and one ticket per unit taken, at the allocation's prices (a voucher's already); {@code
     * voucher} is what it redeemed, or null.
     */
    public static NewOrder of(UUID id, Caller caller, Allocation allocation, UUID holdId, Channel channel,
                              String customerName, Payments.Settled payment, UUID shiftId, Redemption voucher) {
        List<NewTicket> tickets = new ArrayList<>();
        for (Allocation.Line line : allocation.lines()) {
            List<Allocation.PickedSeat> tierSeats = allocation.seats().stream()
                    .filter(seat -> seat.tierId() == line.tierId()).toList();
            for (int i = 0; i < line.quantity(); i++) {
                Allocation.PickedSeat seat = tierSeats.isEmpty() ? null : tierSeats.get(i);
                tickets.add(new NewTicket(TimeOrderedIds.next(), line.tierId(), line.tierName(),
                        seat == null ? null : seat.seatId(), seat == null ? null : seat.label(), TicketCodes.next(),
                        line.unitPriceCents()));
            }
        }
        return new NewOrder(id, caller, allocation, holdId, channel, customerName, payment, shiftId, voucher,
                List.copyOf(tickets));
    }

    /** Adds the orders, then all their tickets: two statements however many orders there are. */
    public static void insertAll(Pipeline writes, List<NewOrder> orders) {
        if (orders.isEmpty()) {
            return;
        }
        writes.add("""
                INSERT INTO orders (id, user_id, show_id, hold_id, channel, status, customer_name, payment_method,
                                    total_cents, tendered_cents, change_due_cents, card_last4, shift_id, voucher_id,
                                    voucher_code, discount_cents)
                SELECT o.id, o.user_id, o.show_id, o.hold_id, o.channel, 'PAID', o.customer_name, o.payment_method,
                       o.total_cents, o.tendered_cents, o.change_due_cents, o.card_last4, o.shift_id, o.voucher_id,
                       o.voucher_code, o.discount_cents
                FROM unnest(?::uuid[], ?::uuid[], ?::bigint[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::bigint[],
                            ?::bigint[], ?::bigint[], ?::text[], ?::uuid[], ?::bigint[], ?::text[], ?::bigint[])
                     AS o(id, user_id, show_id, hold_id, channel, customer_name, payment_method, total_cents,
                          tendered_cents, change_due_cents, card_last4, shift_id, voucher_id, voucher_code,
                          discount_cents)""",
                writes.uuids(orders.stream().map(NewOrder::id).toList()),
                writes.uuids(orders.stream().map(order -> order.caller().id()).toList()),
                writes.bigints(orders.stream().map(order -> order.allocation().showId()).toList()),
                writes.uuids(orders.stream().map(NewOrder::holdId).toList()),
                writes.texts(orders.stream().map(order -> order.channel().name()).toList()),
                writes.texts(orders.stream().map(NewOrder::customerName).toList()),
                writes.texts(orders.stream().map(order -> order.payment().method().name()).toList()),
                writes.bigints(orders.stream().map(order -> order.allocation().totalCents()).toList()),
                writes.bigints(orders.stream().map(order -> order.payment().tenderedCents()).toList()),
                writes.bigints(orders.stream().map(order -> order.payment().changeDueCents()).toList()),
                writes.texts(orders.stream().map(order -> order.payment().cardLast4()).toList()),
                writes.uuids(orders.stream().map(NewOrder::shiftId).toList()),
                writes.bigints(orders.stream().map(order -> order.voucher() == null ? null
                        : order.voucher().voucherId()).toList()),
                writes.texts(orders.stream().map(order -> order.voucher() == null ? null
                        : order.voucher().code()).toList()),
                writes.bigints(orders.stream().map(order -> order.voucher() == null ? 0L
                        : order.voucher().discountCents()).toList()));
        List<NewOrder> owners = new ArrayList<>();
        List<NewTicket> tickets = new ArrayList<>();
        orders.forEach(order -> order.tickets().forEach(ticket -> {
            owners.add(order);
            tickets.add(ticket);
        }));
        writes.add("""
                INSERT INTO tickets (id, order_id, show_id, tier_id, seat_id, seat_label, code, price_cents, status)
                SELECT t.id, t.order_id, t.show_id, t.tier_id, t.seat_id, t.label, t.code, t.price, 'VALID'
                FROM unnest(?::uuid[], ?::uuid[], ?::bigint[], ?::bigint[], ?::bigint[], ?::text[], ?::text[], ?::int[])
                     AS t(id, order_id, show_id, tier_id, seat_id, label, code, price)""",
                writes.uuids(tickets.stream().map(NewTicket::id).toList()),
                writes.uuids(owners.stream().map(NewOrder::id).toList()),
                writes.bigints(owners.stream().map(order -> order.allocation().showId()).toList()),
                writes.bigints(tickets.stream().map(NewTicket::tierId).toList()),
                writes.bigints(tickets.stream().map(NewTicket::seatId).toList()),
                writes.texts(tickets.stream().map(NewTicket::seatLabel).toList()),
                writes.texts(tickets.stream().map(NewTicket::code).toList()),
                writes.ints(tickets.stream().map(NewTicket::priceCents).toList()));
    }

    /**
     * What an order's view takes from its show, and the moment its transaction began (the order's createdAt); with
     * whether the show is on sale, for a checkout to ask its sale window.
     */
    public record Head(String eventTitle, Instant startsAt, Instant createdAt, boolean onSale) {
    }

    /** Adds the query that reads the show's {@link Head}. */
    public static void addHead(Pipeline pipeline, long showId, Consumer<Head> found) {
        pipeline.query("""
                SELECT e.title, s.starts_at, now() AS created_at, s.on_sale
                FROM shows s JOIN events e ON e.id = s.event_id WHERE s.id = ?""", row -> {
            found.accept(new Head(row.getString("title"), Tx.instant(row, "starts_at"), Tx.instant(row, "created_at"),
                    row.getBoolean("on_sale")));
            return null;
        }, showId);
    }

    public OrderView view(Head head) {
        return view(head.eventTitle(), head.startsAt(), head.createdAt());
    }

    /**
     * The order as {@link Orders#view} would read it back once committed: tickets by tier, then seat (unseated
     * last), then id; a uuid's text sorts as PostgreSQL sorts the uuid.
     */
    public OrderView view(String eventTitle, Instant startsAt, Instant createdAt) {
        List<TicketView> views = tickets.stream()
                .sorted(Comparator.comparingLong(NewTicket::tierId)
                        .thenComparing(NewTicket::seatId, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(ticket -> ticket.id().toString()))
                .map(ticket -> new TicketView(ticket.id().toString(), ticket.code(), ticket.tierId(),
                        ticket.tierName(), ticket.seatLabel(), ticket.priceCents(), TicketStatus.VALID))
                .toList();
        return new OrderView(id.toString(), allocation.showId(), eventTitle, startsAt, channel, OrderStatus.PAID,
                customerName, allocation.totalCents(), payment.changeDueCents(), createdAt, views,
                voucher == null ? null : voucher.code(), null, null, payment.method());
    }
}
