package dev.marquee.client.common.widgets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marquee.client.common.Availabilities;
import dev.marquee.client.common.Fixtures;
import dev.marquee.model.catalog.SeatingMode;
import java.util.List;
import org.junit.jupiter.api.Test;

class TicketPickTest {

    private final TicketPick pick = new TicketPick();

    @Test
    void pickedSeatsCostTheirTiersPrice() {
        pick.apply(Availabilities.read(Fixtures.seatedAvailability(1, "AVAILABLE")), SeatingMode.SEATED);

        pick.seatMap().toggle(seat(101));
        pick.seatMap().toggle(seat(201));

        assertEquals(8500 + 3500, pick.totalCentsProperty().get());
        assertEquals(2, pick.ticketCountProperty().get());
        assertEquals(List.of(101L, 201L), pick.seatIds());
        assertEquals("", pick.blockingProblem());
    }

    @Test
    void seatsAndQuantitiesTogetherAreRefused() {
        pick.apply(Availabilities.read(Fixtures.seatedAvailability(1, "AVAILABLE")), SeatingMode.SEATED);

        pick.seatMap().toggle(seat(101));
        pick.basket().lines().getFirst().quantityTextProperty().set("1");

        assertTrue(pick.blockingProblem().startsWith("Pick seats on the map or type quantities"));
    }

    @Test
    void nothingPickedIsAskedFor() {
        pick.apply(Availabilities.read(Fixtures.gaAvailability(1, 3)), SeatingMode.GA);

        assertEquals("Type how many tickets, or pick seats on the map.", pick.blockingProblem());
        assertEquals(0, pick.seatMap().seats().size(), "a GA show has no map");
    }

    @Test
    void namesComeFromTheShowsTiersAndSeats() {
        pick.apply(Availabilities.read(Fixtures.seatedAvailability(1, "AVAILABLE")), SeatingMode.SEATED);

        assertEquals("Balcony", pick.tierName(2));
        assertEquals("Orchestra Row 1 Seat 3", pick.seatLabel(103));
    }

    private SeatCell seat(long id) {
        return pick.seatMap().seats().stream().filter(cell -> cell.seatId() == id).findFirst().orElseThrow();
    }
}
