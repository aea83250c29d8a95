package dev.marquee.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The inventory invariants and the orders ledger, over the whole database after a scenario: each answers the rows
 * that break it, so an empty list means it holds.
 */
final class Ledger {

    private static final List<String[]> CHECKS = List.of(
            new String[] {"held + sold within capacity", """
                    SELECT id FROM tiers WHERE held < 0 OR sold < 0 OR held + sold > capacity"""},
            new String[] {"sold equals live tickets", """
                    SELECT t.id FROM tiers t WHERE t.sold <> (SELECT count(*) FROM tickets k
                        WHERE k.tier_id = t.id AND k.status IN ('VALID', 'CHECKED_IN'))"""},
            new String[] {"held equals active holds", """
                    SELECT t.id FROM tiers t JOIN shows s ON s.id = t.show_id AND s.seating_mode = 'GA'
                    WHERE t.held <> (SELECT coalesce(sum(hi.quantity), 0) FROM hold_items hi
                        JOIN holds h ON h.id = hi.hold_id WHERE hi.tier_id = t.id AND h.status = 'ACTIVE')"""},
            new String[] {"seated counters equal seat states", """
                    SELECT t.id FROM tiers t JOIN show_seats ss ON ss.tier_id = t.id
                    GROUP BY t.id, t.held, t.sold
                    HAVING t.held <> count(*) FILTER (WHERE ss.status = 'HELD')
                        OR t.sold <> count(*) FILTER (WHERE ss.status = 'SOLD')"""},
            new String[] {"a seat sold at most once", """
                    SELECT show_id FROM tickets WHERE seat_id IS NOT NULL AND status IN ('VALID', 'CHECKED_IN')
                    GROUP BY show_id, seat_id HAVING count(*) > 1"""},
            new String[] {"order totals equal their tickets", """
                    SELECT o.id FROM orders o WHERE o.total_cents - o.refunded_cents
                        <> (SELECT coalesce(sum(price_cents), 0) FROM tickets t WHERE t.order_id = o.id) - o.credit_cents"""},
            new String[] {"every sale audited", """
                    SELECT 1 WHERE (SELECT count(*) FROM orders) <> (SELECT count(*) FROM audit_log
                        WHERE action = 'SALE')"""});

    private Ledger() {
    }

    /** Every broken invariant, by name with how many rows break it; empty when all hold. */
    static List<String> broken(Connection connection) throws SQLException {
        Map<String, Long> offenders = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement()) {
            for (String[] check : CHECKS) {
                try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM (" + check[1] + ") AS offenders")) {
                    rows.next();
                    offenders.put(check[0], rows.getLong(1));
                }
            }
        }
        return broken(offenders);
    }

    /** Reads the checks' answers: a check holds when no row breaks it. */
    static List<String> broken(Map<String, Long> offendersByCheck) {
        List<String> broken = new ArrayList<>();
        offendersByCheck.forEach((check, rows) -> {
            if (rows > 0) {
                broken.add(check + " (" + rows + (rows == 1 ? " row)" : " rows)"));
            }
        });
        return broken;
    }

    /** How many of the orders the generator was told were created the database does not have. */
    static long missingOrders(Connection connection, List<String> orderIds) throws SQLException {
        if (orderIds.isEmpty()) {
            return 0;
        }
        try (var statement = connection.prepareStatement(
                "SELECT count(*) FROM unnest(?::uuid[]) AS o(id) WHERE NOT EXISTS (SELECT 1 FROM orders WHERE id = o.id)")) {
            statement.setArray(1, connection.createArrayOf("uuid", orderIds.toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** Holds still active well past their expiry: the sweep should have ended them within seconds. */
    static long stuckHolds(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT count(*) FROM holds WHERE status = 'ACTIVE' AND expires_at < now() - interval '5 seconds'")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
