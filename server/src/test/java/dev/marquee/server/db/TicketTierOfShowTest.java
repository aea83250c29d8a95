package dev.marquee.server.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.marquee.server.testing.ApiResponse;
import dev.marquee.server.testing.Shows.Tier;
import dev.marquee.server.testing.Shows;
import dev.marquee.server.testing.TestServer;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The database refuses a ticket whose tier belongs to another show than the ticket's, whatever the code does. */
class TicketTierOfShowTest {

    private static final String INSERT_TICKET = """
            INSERT INTO tickets (id, order_id, show_id, tier_id, code, price_cents, status)
            VALUES (?::uuid, ?::uuid, ?, ?, ?, 1000, 'VALID')""";

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aTicketMustNameATierOfItsOwnShow() {
        Shows shows = new Shows(server);
        Shows.Show sold = shows.ga(Tier.ga("Floor", 1000, 10));
        Shows.Show other = shows.ga(Tier.ga("Floor", 1000, 10));
        ApiResponse sale = server.clerk().postOnce("/api/sales", Map.of("showId", sold.id(),
                "items", List.of(Map.of("tierId", sold.tier(0), "quantity", 1)),
                "payment", Map.of("method", "CARD", "cardNumber", "4242424242424242")));
        assertEquals(201, sale.status(), sale::toString);
        String orderId = sale.body().get("id").asText();

        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> server.update(INSERT_TICKET,
                UUID.randomUUID().toString(), orderId, sold.id(), other.tier(0), "CODE-" + UUID.randomUUID()));
        SQLException cause = assertInstanceOf(SQLException.class, refused.getCause());
        assertEquals("23503", cause.getSQLState(), cause.getMessage());

        assertEquals(1, server.update(INSERT_TICKET, UUID.randomUUID().toString(), orderId, sold.id(), sold.tier(0),
                "CODE-" + UUID.randomUUID()), "a tier of the ticket's own show is accepted");
        assertEquals(0, server.number("SELECT count(*) FROM tickets WHERE tier_id = ?", other.tier(0)));
    }
}
