package dev.marquee.client.common.widgets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marquee.client.common.Availabilities;
import dev.marquee.client.common.Fixtures;
import dev.marquee.model.catalog.SeatAvailability;
import dev.marquee.model.catalog.SeatStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeatMapViewModelTest {

    private final SeatMapViewModel map = new SeatMapViewModel();

    @Test
    void seatsComeInVenueOrderSectionRowNumber() {
        load("AVAILABLE");

        assertEquals(List.of(101L, 103L, 104L, 201L), map.seats().stream().map(SeatCell::seatId).toList());
        assertEquals(List.of(0, 0, -1, 1), map.seats().stream().map(SeatCell::tierIndex).toList());
    }

    @Test
    void onlyAvailableSeatsCanBePicked() {
        load("AVAILABLE");

        map.toggle(seat(101));
        map.toggle(seat(103));
        map.toggle(seat(104));

        assertEquals(List.of(seat(101)), map.selectedSeats());
        assertEquals("Orchestra Row 1 Seat 4 is blocked.", map.noticeProperty().get());
    }

    @Test
    void clickingAPickedSeatPutsItBack() {
        load("AVAILABLE");
        map.toggle(seat(101));

        map.toggle(seat(101));

        assertEquals(0, map.selectedCountProperty().get());
    }

    @Test
    void seatTakenElsewhereWhilePickedIsDroppedWithANotice() {
        load("AVAILABLE");
        map.toggle(seat(101));

        map.apply(11, List.of(new SeatAvailability(101, "Orchestra Row 1 Seat 1", "Orchestra", 1, 1, 1L,
                SeatStatus.HELD)));

        assertFalse(seat(101).selectedProperty().get());
        assertEquals(SeatStatus.HELD, seat(101).statusProperty().get());
        assertEquals("Orchestra Row 1 Seat 1 was just taken by someone else.", map.noticeProperty().get());
        assertEquals(SeatStatus.SOLD, seat(103).statusProperty().get(), "seats not in the push keep their status");
    }

    @Test
    void anotherShowStartsAFreshMap() {
        load("AVAILABLE");
        map.toggle(seat(101));

        map.apply(12, List.of(new SeatAvailability(9, "A1", "Stalls", 1, 1, 3L, SeatStatus.AVAILABLE)));

        assertEquals(1, map.seats().size());
        assertEquals(0, map.selectedCountProperty().get());
    }

    @Test
    void noMoreThanTenSeatsAtOnce() {
        List<SeatAvailability> row = java.util.stream.IntStream.rangeClosed(1, 11)
                .mapToObj(n -> new SeatAvailability(n, "A" + n, "Stalls", 1, n, 1L, SeatStatus.AVAILABLE)).toList();
        map.apply(12, row);

        map.seats().forEach(map::toggle);

        assertEquals(10, map.selectedCountProperty().get());
        assertTrue(map.noticeProperty().get().startsWith("At most 10 seats"));
    }

    @Test
    void seatsThatJoinATierAfterTheMapWasDrawnAppearAndThePickStays() {
        load("AVAILABLE");
        map.toggle(seat(101));

        // A new tier took seat 102 (until now in no tier, so not listed): the push names it.
        map.apply(11, List.of(new SeatAvailability(102, "Orchestra Row 1 Seat 2", "Orchestra", 1, 2, 3L,
                SeatStatus.AVAILABLE)));

        assertEquals(List.of(101L, 102L, 103L, 104L, 201L), map.seats().stream().map(SeatCell::seatId).toList());
        assertEquals(List.of(seat(101)), map.selectedSeats());
        assertEquals(2, seat(102).tierIndex(), "the new tier has a colour of its own");
    }

    private void load(String seat101) {
        map.apply(11, Availabilities.read(Fixtures.seatedAvailability(1, seat101)).seats());
    }

    private SeatCell seat(long id) {
        return map.seats().stream().filter(cell -> cell.seatId() == id).findFirst().orElseThrow();
    }
}
