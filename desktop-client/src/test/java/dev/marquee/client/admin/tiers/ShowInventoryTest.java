package dev.marquee.client.admin.tiers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.marquee.model.catalog.Availability;
import dev.marquee.model.catalog.SeatAvailability;
import dev.marquee.model.catalog.SeatStatus;
import dev.marquee.model.catalog.TierAvailability;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ShowInventoryTest {

    private final AtomicInteger changes = new AtomicInteger();
    private final ShowInventory inventory = new ShowInventory(changes::incrementAndGet);

    private static Availability at(long version, int held, List<SeatAvailability> seats) {
        return new Availability(5, version,
                List.of(new TierAvailability(7, "Stalls", 4000, 3, 3 - held, held, 0)), seats);
    }

    private static SeatAvailability seat(long id, SeatStatus status) {
        return new SeatAvailability(id, "A-1-" + id, "A", 1, (int) id, 7L, status);
    }

    @Test
    void aPushHeardWhileTheFullReadIsUnderWayFollowsItAndNoSeatIsLost() {
        inventory.loading();
        inventory.pushed(at(3, 1, List.of(seat(2, SeatStatus.HELD))));
        assertEquals(0, changes.get(), "nothing applied before the full read");

        inventory.loaded(at(2, 0, List.of(seat(1, SeatStatus.AVAILABLE), seat(2, SeatStatus.AVAILABLE),
                seat(3, SeatStatus.AVAILABLE))));

        assertEquals(List.of(SeatStatus.AVAILABLE, SeatStatus.HELD, SeatStatus.AVAILABLE),
                inventory.seats().stream().map(SeatAvailability::status).toList());
        assertEquals(1, inventory.tiers().getFirst().heldProperty().get(), "the push was newer than the read");
    }

    @Test
    void aPushOlderThanTheFullReadIsDropped() {
        inventory.loading();
        inventory.pushed(at(1, 2, List.of(seat(1, SeatStatus.HELD), seat(2, SeatStatus.HELD))));

        inventory.loaded(at(2, 0, List.of(seat(1, SeatStatus.AVAILABLE), seat(2, SeatStatus.AVAILABLE))));

        assertEquals(0, inventory.tiers().getFirst().heldProperty().get());
        assertEquals(List.of(SeatStatus.AVAILABLE, SeatStatus.AVAILABLE),
                inventory.seats().stream().map(SeatAvailability::status).toList());
    }

    @Test
    void anotherShowStartsFromNothing() {
        inventory.loaded(at(9, 1, List.of(seat(1, SeatStatus.HELD))));

        inventory.clear();
        inventory.pushed(at(1, 0, List.of(seat(1, SeatStatus.AVAILABLE))));

        assertEquals(0, inventory.tiers().getFirst().heldProperty().get(), "version 1 counts again after a clear");
    }
}
