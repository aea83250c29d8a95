package dev.marquee.server.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

/**
 * The inventory invariants and the ledger, checked straight in the database after every race: counters agree
 * with holds, seats and tickets, and every order's total agrees with its tickets.
 */
public final class Invariants {

    private Invariants() {
    }

    public static void check(TestServer server, long showId) {
        for (Map<String, Object> tier : server.query("""
                SELECT t.id, t.capacity, t.held, t.sold,
                       (SELECT coalesce(sum(hi.quantity), 0) FROM hold_items hi JOIN holds h ON h.id = hi.hold_id
                        WHERE hi.tier_id = t.id AND h.status = 'ACTIVE') AS active_held,
                       (SELECT count(*) FROM tickets tk WHERE tk.tier_id = t.id AND tk.status IN ('VALID', 'CHECKED_IN'))
                           AS live
                FROM tiers t WHERE t.show_id = ?""", showId)) {
            String tierId = "tier " + tier.get("id");
            int capacity = ((Number) tier.get("capacity")).intValue();
            int held = ((Number) tier.get("held")).intValue();
            int sold = ((Number) tier.get("sold")).intValue();
            assertTrue(held >= 0 && sold >= 0 && held + sold <= capacity, tierId + " counters " + tier);
            assertEquals(((Number) tier.get("active_held")).intValue(), held, tierId + ": held vs active holds");
            assertEquals(((Number) tier.get("live")).intValue(), sold, tierId + ": sold vs live tickets");
        }
        for (Map<String, Object> tier : server.query("""
                SELECT t.id, t.capacity, t.held, t.sold,
                       count(*) FILTER (WHERE ss.status <> 'BLOCKED') AS sellable,
                       count(*) FILTER (WHERE ss.status = 'HELD') AS held_seats,
                       count(*) FILTER (WHERE ss.status = 'SOLD') AS sold_seats
                FROM tiers t JOIN show_seats ss ON ss.tier_id = t.id
                JOIN shows s ON s.id = t.show_id AND s.seating_mode = 'SEATED'
                WHERE t.show_id = ? GROUP BY t.id""", showId)) {
            String tierId = "seated tier " + tier.get("id");
            assertEquals(number(tier, "sellable"), number(tier, "capacity"), tierId + ": capacity vs seats");
            assertEquals(number(tier, "held_seats"), number(tier, "held"), tierId + ": held vs HELD seats");
            assertEquals(number(tier, "sold_seats"), number(tier, "sold"), tierId + ": sold vs SOLD seats");
        }
        assertEquals(0, server.number("""
                SELECT count(*) FROM show_seats ss WHERE ss.show_id = ? AND ss.status = 'SOLD' AND 1 <> (
                    SELECT count(*) FROM tickets t WHERE t.show_id = ss.show_id AND t.seat_id = ss.seat_id
                    AND t.status IN ('VALID', 'CHECKED_IN'))""", showId), "every sold seat has exactly one live ticket");
        assertEquals(0, server.number("""
                SELECT count(*) FROM show_seats ss LEFT JOIN holds h ON h.id = ss.hold_id
                WHERE ss.show_id = ? AND ss.status = 'HELD' AND (h.status IS DISTINCT FROM 'ACTIVE'
                    OR NOT EXISTS (SELECT 1 FROM hold_seats hs WHERE hs.hold_id = h.id AND hs.seat_id = ss.seat_id))""",
                showId), "every held seat belongs to an active hold");
        List<Map<String, Object>> badOrders = server.query("""
                SELECT o.id FROM orders o WHERE o.show_id = ? AND o.total_cents - o.refunded_cents <> (
                    SELECT coalesce(sum(price_cents), 0) FROM tickets t WHERE t.order_id = o.id) - o.credit_cents""",
                showId);
        assertEquals(List.of(), badOrders, "order totals equal the sum of their tickets (less an exchange's credit)");
        assertEquals(0, server.number("""
                SELECT count(*) FROM orders o WHERE o.show_id = ? AND o.status <> CASE
                    WHEN NOT EXISTS (SELECT 1 FROM tickets t WHERE t.order_id = o.id AND t.status = 'REFUNDED') THEN 'PAID'
                    WHEN EXISTS (SELECT 1 FROM tickets t WHERE t.order_id = o.id AND t.status <> 'REFUNDED')
                        THEN 'PARTIALLY_REFUNDED'
                    ELSE 'REFUNDED' END""", showId), "order status agrees with its tickets");
        assertEquals(server.number("""
                SELECT coalesce(sum(t.price_cents), 0) FROM tickets t JOIN orders o ON o.id = t.order_id
                WHERE o.show_id = ? AND t.status = 'REFUNDED'""", showId), server.number("""
                SELECT coalesce(sum(r.amount_cents), 0) FROM refunds r JOIN orders o ON o.id = r.order_id
                WHERE o.show_id = ?""", showId), "refunds paid equal refunded tickets");
        assertEquals(0, server.number("""
                SELECT count(*) FROM voucher_uses u JOIN vouchers v ON v.id = u.voucher_id
                LEFT JOIN holds h ON h.id = u.hold_id
                WHERE v.show_id = ? AND u.order_id IS NULL AND u.hold_id IS NOT NULL AND h.status <> 'ACTIVE'""",
                showId), "a voucher's uses are held only by active holds, or by orders");
        assertEquals(0, server.number("""
                SELECT count(*) FROM holds h WHERE h.show_id = ? AND h.voucher_id IS NOT NULL
                AND h.status IN ('ACTIVE', 'CHECKED_OUT') AND (SELECT count(*) FROM voucher_uses u WHERE u.hold_id = h.id)
                    <> (SELECT sum(quantity) FROM hold_items hi WHERE hi.hold_id = h.id)""", showId),
                "a live hold with a voucher has one use per ticket");
    }

    private static long number(Map<String, Object> row, String column) {
        return ((Number) row.get(column)).longValue();
    }
}
